"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
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
import { FormMessage, fieldErrorsOf, StatusForm } from "./form-message";
import { PasswordPrompt } from "./password-prompt";

/**
 * When the server wants the password again (reauthentication_required: the session signed in
 * too long ago), asks for it, then sends what was submitted once more. The submission is kept
 * here, not read back from the form: React has reset the form by the time the password is in.
 */
function useWithPasswordPrompt(state: FormState<unknown>, action: (form: FormData) => void) {
  const [prompting, setPrompting] = useState(false);
  const submitted = useRef<FormData | null>(null);
  useEffect(() => {
    if (state.status === "error" && state.code === "reauthentication_required") setPrompting(true);
  }, [state]);
  // Read as the form is sent, beside its action: the form keeps working without JavaScript.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    submitted.current = new FormData(event.currentTarget);
  };
  const onConfirmed = () => {
    const form = submitted.current;
    if (form) startTransition(() => action(form));
  };
  return { onSubmit, prompt: { open: prompting, onOpenChange: setPrompting, onConfirmed } };
}

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
    <StatusForm
      ref={form}
      action={action}
      name="change-email"
      state={state}
      pending={pending}
      notice={
        state.status === "success"
          ? waiting
            ? "We sent a confirmation link to the new address. The change happens when you follow it."
            : "Your email has been changed."
          : undefined
      }
      submitLabel="Change email"
    >
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
    </StatusForm>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<FormState<null>, FormData>(changePasswordAction, idleFormState);
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrorsOf(state);
  useSucceeded(state, "Password changed", form);
  return (
    <StatusForm
      ref={form}
      action={action}
      name="change-password"
      state={state}
      pending={pending}
      notice={state.status === "success" ? "Password changed. Every other session has been signed out." : undefined}
      submitLabel="Change password"
    >
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
      <label className="flex items-start gap-2 text-sm">
        {/* Sent first, so an unticked box still says false; a ticked one's "true" comes after it and wins. */}
        <input type="hidden" name="revoke_api_keys" value="false" />
        <input
          type="checkbox"
          name="revoke_api_keys"
          value="true"
          defaultChecked
          className="mt-0.5 size-4 accent-indigo-600"
        />
        <span>
          Revoke my API keys
          <span className="block text-zinc-600 dark:text-zinc-400">
            Integrations using them stop working until you give them new keys; untick only if no key may have leaked.
          </span>
        </span>
      </label>
    </StatusForm>
  );
}

export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState<FormState<never>, FormData>(signOutEverywhereAction, idleFormState);
  const { onSubmit, prompt } = useWithPasswordPrompt(state, action);
  return (
    <>
      <form action={action} onSubmit={onSubmit} className="grid gap-4" aria-describedby="sign-out-everywhere-status">
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
      <PasswordPrompt
        {...prompt}
        reason="Revoking every API key needs your password from the last few minutes, so that a stolen session can’t cut your integrations off."
      />
    </>
  );
}

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<FormState<never>, FormData>(deleteAccountAction, idleFormState);
  const { onSubmit, prompt } = useWithPasswordPrompt(state, action);
  return (
    <>
      <form
        action={action}
        onSubmit={onSubmit}
        noValidate
        className="grid gap-4"
        aria-describedby="delete-account-status"
      >
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
      <PasswordPrompt
        {...prompt}
        reason="Deleting the account needs your password from the last few minutes, so that a stolen session can’t delete it."
      />
    </>
  );
}
