"use client";

import { useActionState } from "react";
import { fieldErrorsOf, StatusForm } from "@/components/settings/form-message";
import { ButtonLink } from "@/components/ui/button-link";
import { InputField } from "@/components/ui/input";
import { resetPasswordAction } from "@/lib/account/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/constants";
import { type FormState, idleFormState } from "@/lib/http/form-state";

/** Sets a new password with the token from the emailed link; success signs in and opens the dashboard. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState<never>, FormData>(resetPasswordAction, idleFormState);
  const errors = fieldErrorsOf(state);
  return (
    <StatusForm
      action={action}
      name="reset-password"
      state={state}
      pending={pending}
      submitLabel="Set new password"
      wide
    >
      <input type="hidden" name="token" value={token} />
      <InputField
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errors.password}
        name="password"
        type="password"
        autoComplete="new-password"
      />
      {errors.token ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {errors.token}{" "}
          <ButtonLink variant="link" href="/forgot-password">
            Send a new link
          </ButtonLink>
        </p>
      ) : null}
    </StatusForm>
  );
}
