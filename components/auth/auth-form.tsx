"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { InputField } from "@/components/ui/input";
import { type AuthFormResult, signInAction, signUpAction } from "@/lib/auth/actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/constants";
import { type FormState, idleFormState } from "@/lib/http/form-state";

interface AuthFormProps {
  mode: "sign-in" | "sign-up";
  /** Where to go afterwards (validated again on the server). */
  next: string;
}

/**
 * The sign-in and sign-up form. Validation is the server action's, with the API's zod schemas,
 * so the messages are the API's too; noValidate keeps the browser's own bubbles from hiding them.
 */
export function AuthForm({ mode, next }: AuthFormProps) {
  const signingUp = mode === "sign-up";
  const [state, action, pending] = useActionState<FormState<AuthFormResult>, FormData>(
    signingUp ? signUpAction : signInAction,
    idleFormState,
  );
  const other = signingUp ? "/login" : "/signup";
  const failed = state.status === "error" ? state : null;
  // Field problems are shown at their fields; anything else (wrong credentials, too many attempts) above the button.
  const formError = failed && Object.keys(failed.fieldErrors).length === 0 ? failed.message : undefined;
  const notice = state.status === "success" ? state.data?.notice : undefined;

  return (
    <form action={action} noValidate className="grid gap-5" aria-describedby="auth-form-status">
      <input type="hidden" name="next" value={next} />
      <InputField
        label="Email"
        error={failed?.fieldErrors.email}
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={failed?.values.email ?? ""}
      />
      <InputField
        label="Password"
        hint={signingUp ? `At least ${PASSWORD_MIN_LENGTH} characters.` : undefined}
        error={failed?.fieldErrors.password}
        name="password"
        type="password"
        autoComplete={signingUp ? "new-password" : "current-password"}
      />
      <div id="auth-form-status" aria-live="polite">
        {formError ? (
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {formError}
          </p>
        ) : null}
        {notice ? (
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            {notice}
          </p>
        ) : null}
      </div>
      {signingUp ? null : (
        <ButtonLink variant="link" href="/forgot-password" className="-mt-3 justify-self-start">
          Forgot your password?
        </ButtonLink>
      )}
      <Button type="submit" size="lg" loading={pending} className="w-full">
        {pending ? "Please wait…" : signingUp ? "Create account" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        {signingUp ? "Already have an account? " : "New to Chatfolio? "}
        <ButtonLink variant="link" href={`${other}?next=${encodeURIComponent(next)}`}>
          {signingUp ? "Sign in" : "Create an account"}
        </ButtonLink>
      </p>
    </form>
  );
}
