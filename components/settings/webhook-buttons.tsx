"use client";

import { Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { idleFormState } from "@/lib/http/form-state";
import { deleteWebhookAction, testWebhookAction } from "@/lib/webhooks/actions";

/** Sends a webhook.test event now and says how the receiver answered; the log shows it too. */
export function SendTestWebhook({ id, url }: { id: string; url: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      const result = await testWebhookAction(idleFormState, { id });
      if (result.status === "error") toast.error("The test event was not sent", { description: result.message });
      else if (result.status === "success" && result.data.ok)
        toast.success("Test event delivered", { description: `${url} answered ${result.data.response_code}.` });
      else if (result.status === "success")
        toast.error("Test event not delivered", { description: result.data.error ?? undefined });
      router.refresh();
    });
  return (
    <Button variant="secondary" size="sm" loading={pending} onClick={send}>
      <Send aria-hidden />
      Send test event<span className="sr-only"> to {url}</span>
    </Button>
  );
}

/** Deletes an endpoint after a confirmation; its queued events and log go with it. */
export function DeleteWebhook({ id, url }: { id: string; url: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          Delete<span className="sr-only"> {url}</span>
        </Button>
      }
      title="Delete this webhook endpoint?"
      description={`${url} receives no more events, and its delivery log is deleted. This can’t be undone.`}
      confirmLabel="Delete endpoint"
      destructive
      onConfirm={async () => {
        const result = await deleteWebhookAction(idleFormState, { id });
        if (result.status === "error") {
          toast.error("The endpoint was not deleted", { description: result.message });
          return false;
        }
        toast.success("Webhook endpoint deleted");
        router.refresh();
      }}
    />
  );
}
