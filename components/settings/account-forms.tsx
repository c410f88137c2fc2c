"use client";

import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import {
  changeEmailAction,
  changePasswordAction,
  deleteAccountAction,
  signOutEverywhereAction,
} from "@/lib/account/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/constants";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { FormMessage, fieldErrorsOf } from "./form-message";

/** Toasts a success once per new state, and clears the form (passwords never linger). */
function useSucceeded(
  state: FormState<unknown>,
  message: string | null,
  form: React.RefObject<HTMLFormElement | null>,
) {
  useEffect(() => {
    if (state.status !== "success") return;
    form.current?.reset();
    if (message) toast.success(message);
  }, [state, message, form]);
}

export function ChangeEmailForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<FormState<{ pending: boolean }>, FormData>(
    changeEmailAction,
    idleFormState,
  );
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(state);
  const waiting = state.status === "success" && state.data.pending;
  useSucceeded(state, waiting ? "Check the new address’s inbox" : "Email changed", form);
  return (
    <form ref={form} action={action} noValidate className="grid gap-4" aria-describedby="change-email-status">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        You sign in as <strong className="text-zinc-900 dark:text-zinc-100">{email}</strong>.
      </p>
      <InputField label="New email" error={errors.email} name="email" type="email" autoComplete="email" />
      <InputField
        label="Current password"
        error={errors.password}
        name="password"
        type="password"
        autoComplete="current-password"
      />
      <FormMessage
        id="change-email-status"
        state={state}
        notice={
          state.status === "success"
            ? waiting
              ? "We sent a confirmation link to the new address. The change happens when you follow it."
              : "Your email has been changed."
            : undefined
        }
      />
      <Button type="submit" loading={pending} className="justify-self-start">
        Change email
      </Button>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<FormState<null>, FormData>(changePasswordAction, idleFormState);
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(state);
  useSucceeded(state, "Password changed", form);
  return (
    <form ref={form} action={action} noValidate className="grid gap-4" aria-describedby="change-password-status">
      <InputField
        label="Current password"
        error={errors.current_password}
        name="current_password"
        type="password"
        autoComplete="current-password"
      />
      <InputField
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errors.new_password}
        name="new_password"
        type="password"
        autoComplete="new-password"
      />
      <FormMessage
        id="change-password-status"
        state={state}
        notice={state.status === "success" ? "Password changed. Every other session has been signed out." : undefined}
      />
      <Button type="submit" loading={pending} className="justify-self-start">
        Change password
      </Button>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState<FormState<never>, FormData>(signOutEverywhereAction, idleFormState);
  return (
    <form action={action} className="grid gap-4" aria-describedby="sign-out-everywhere-status">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="revoke_api_keys" className="mt-0.5 size-4 accent-indigo-600" />
        <span>
          Revoke my API keys too
          <span className="block text-zinc-600 dark:text-zinc-400">
            Integrations using them stop working; do this if a key or your password may have leaked.
          </span>
        </span>
      </label>
      <FormMessage id="sign-out-everywhere-status" state={state} />
      <Button type="submit" variant="secondary" loading={pending} className="justify-self-start">
        Sign out everywhere
      </Button>
    </form>
  );
}

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<FormState<never>, FormData>(deleteAccountAction, idleFormState);
  return (
    <form action={action} noValidate className="grid gap-4" aria-describedby="delete-account-status">
      <InputField
        label={`Type ${email} to confirm`}
        error={fieldErrorsOf(state).email}
        name="email"
        type="email"
        autoComplete="off"
      />
      <FormMessage id="delete-account-status" state={state} />
      <Button type="submit" variant="destructive" loading={pending} className="justify-self-start">
        Delete my account
      </Button>
    </form>
  );
}
