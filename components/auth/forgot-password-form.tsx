"use client";

import { useActionState } from "react";
import { FormMessage, fieldErrorsOf } from "@/components/settings/form-message";
import { Button } from "@/components/ui/button";
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
    <form action={action} noValidate className="grid gap-5" aria-describedby="forgot-password-status">
      <InputField
        label="Email"
        error={fieldErrorsOf(state).email}
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={state.status === "error" ? (state.values.email ?? "") : ""}
      />
      <FormMessage
        id="forgot-password-status"
        state={state}
        notice={
          state.status === "success"
            ? `If ${state.data.email} has an account, a link to reset its password is on its way. It works once, for one hour.`
            : undefined
        }
      />
      <Button type="submit" size="lg" loading={pending} className="w-full">
        Send reset link
      </Button>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        Remembered it?{" "}
        <ButtonLink variant="link" href="/login">
          Sign in
        </ButtonLink>
      </p>
    </form>
  );
}
