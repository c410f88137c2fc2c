"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import { idleFormState } from "@/lib/http/form-state";

/** Revokes one key after a confirmation; integrations using it are refused from then on. */
export function RevokeApiKey({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          Revoke<span className="sr-only"> {name}</span>
        </Button>
      }
      title={`Revoke “${name}”?`}
      description="Anything using this key is refused from now on. This can’t be undone."
      confirmLabel="Revoke key"
      destructive
      onConfirm={async () => {
        const result = await revokeApiKeyAction(idleFormState, { id });
        if (result.status === "error") {
          toast.error("The key was not revoked", { description: result.message });
          return false;
        }
        toast.success(`API key “${name}” revoked`);
        router.refresh();
      }}
    />
  );
}
