"use client";

import { MailOpen } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { idleFormState } from "@/lib/http/form-state";
import { markConversationsAction } from "@/lib/inbox/actions";

/**
 * Opening an unread conversation marked it read on the server while the page rendered; the
 * navigation's count lives in the layout, which a navigation doesn't re-render, so refresh once.
 */
export function RefreshCountsOnOpen({ markedRead }: { markedRead: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (markedRead) router.refresh();
  }, [markedRead, router]);
  return null;
}

/** "Mark unread": back to the inbox with the conversation unread again. */
export function MarkUnreadButton({ id }: { id: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      loading={pending}
      onClick={() =>
        startTransition(async () => {
          const state = await markConversationsAction(idleFormState, { ids: [id], is_read: false });
          if (state.status === "error") {
            toast.error("Couldn't mark it unread", { description: state.message });
            return;
          }
          toast.success("Marked unread");
          router.push("/dashboard/inbox");
          router.refresh();
        })
      }
    >
      <MailOpen aria-hidden />
      Mark unread
    </Button>
  );
}
