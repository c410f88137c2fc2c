"use client";

import { Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { OWNER_REPLY_MAX } from "@/lib/constants";
import { idleFormState } from "@/lib/http/form-state";
import { replyAction } from "@/lib/inbox/actions";

/** The owner writes back; the visitor sees it, marked as from the owner, next time they open the chat. */
export function ReplyForm({ conversation, visitor }: { conversation: string; visitor: string }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      data-testid="reply-form"
      className="mt-6 grid gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const state = await replyAction(idleFormState, { conversation, body });
          if (state.status === "error") {
            setError(state.fieldErrors.body ?? state.message);
            return;
          }
          setError(undefined);
          setBody("");
          toast.success("Reply saved", { description: `${visitor} sees it the next time they open the chat.` });
          router.refresh();
        });
      }}
    >
      <TextareaField
        label="Reply"
        hint={`Shown to ${visitor} in the chat, marked as from you, the next time they open it.`}
        error={error}
        name="body"
        rows={3}
        maxLength={OWNER_REPLY_MAX}
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <Button type="submit" loading={pending} className="justify-self-end">
        <Send aria-hidden />
        Send reply
      </Button>
    </form>
  );
}
