"use client";

import { useActionState } from "react";
import { StatusForm } from "@/components/settings/form-message";
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
    <StatusForm
      action={action}
      name="confirm-email"
      state={state}
      pending={pending}
      submitLabel="Confirm new email"
      wide
    >
      <input type="hidden" name="token" value={token} />
    </StatusForm>
  );
}
