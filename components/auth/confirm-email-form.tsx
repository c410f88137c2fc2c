"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/settings/form-message";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { confirmEmailAction } from "@/lib/account/actions";
import { type FormState, idleFormState } from "@/lib/http/form-state";

/** A button, not the link itself, confirms: mail scanners that open links change nothing. */
export function ConfirmEmailForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState<null>, FormData>(confirmEmailAction, idleFormState);
  if (state.status === "success") {
    return (
      <p className="grid gap-3 text-sm">
        Your new email address is confirmed. <ButtonLink href="/dashboard/settings">Go to settings</ButtonLink>
      </p>
    );
  }
  return (
    <form action={action} className="grid gap-5" aria-describedby="confirm-email-status">
      <input type="hidden" name="token" value={token} />
      <FormMessage id="confirm-email-status" state={state} />
      <Button type="submit" size="lg" loading={pending} className="w-full">
        Confirm new email
      </Button>
    </form>
  );
}
