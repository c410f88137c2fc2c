"use client";

import { useActionState } from "react";
import { fieldErrorsOf, StatusForm } from "@/components/settings/form-message";
import { ButtonLink } from "@/components/ui/button-link";
import { InputField } from "@/components/ui/input";
import { forgotPasswordAction } from "@/lib/account/actions";
import { type FormState, idleFormState } from "@/lib/http/form-state";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<FormState<{ email: string }>, FormData>(
    forgotPasswordAction,
    idleFormState,
  );
  return (
    <StatusForm
      action={action}
      name="forgot-password"
      state={state}
      pending={pending}
      notice={
        state.status === "success"
          ? `If ${state.data.email} has an account, a link to reset its password is on its way. It works once, for one hour.`
          : undefined
      }
      submitLabel="Send reset link"
      wide
      after={
        <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
          Remembered it?{" "}
          <ButtonLink variant="link" href="/login">
            Sign in
          </ButtonLink>
        </p>
      }
    >
      <InputField
        label="Email"
        error={fieldErrorsOf(state).email}
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={state.status === "error" ? (state.values.email ?? "") : ""}
      />
    </StatusForm>
  );
}
