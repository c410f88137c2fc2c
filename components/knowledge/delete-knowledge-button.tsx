"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { idleFormState } from "@/lib/http/form-state";
import { deleteKnowledgeAction } from "@/lib/knowledge/actions";

export function DeleteKnowledgeButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      destructive
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Delete “${title}”`}>
          <Trash2 aria-hidden />
        </Button>
      }
      title={`Delete “${title}”?`}
      description="Your chatbots stop answering from it at once."
      confirmLabel="Delete"
      onConfirm={async () => {
        const state = await deleteKnowledgeAction(idleFormState, { id });
        if (state.status === "error") {
          toast.error("It was not deleted", { description: state.message });
          return false;
        }
        toast.success("Deleted");
        router.refresh();
      }}
    />
  );
}
