"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInAction, signUpAction } from "@/lib/auth/actions";
import { initialAuthFormState } from "@/lib/auth/form-state";

interface AuthFormProps {
  mode: "sign-in" | "sign-up";
  /** Where to go afterwards (validated again on the server). */
  next: string;
  /** From the server's schema module: importing it here would ship zod to the browser. */
  passwordMinLength: number;
}

/**
 * The sign-in and sign-up form. Validation is the server action's, with the API's zod schemas,
 * so the messages are the API's too; noValidate keeps the browser's own bubbles from hiding them.
 */
export function AuthForm({ mode, next, passwordMinLength }: AuthFormProps) {
  const signingUp = mode === "sign-up";
  const [state, action, pending] = useActionState(signingUp ? signUpAction : signInAction, initialAuthFormState);
  const other = signingUp ? "/login" : "/signup";

  return (
    <form action={action} noValidate className="grid gap-5" aria-describedby="auth-form-status">
      <input type="hidden" name="next" value={next} />
      <Field label="Email" error={state.fieldErrors.email}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" defaultValue={state.email} />}
      </Field>
      <Field
        label="Password"
        hint={signingUp ? `At least ${passwordMinLength} characters.` : undefined}
        error={state.fieldErrors.password}
      >
        {(control) => (
          <Input
            {...control}
            name="password"
            type="password"
            autoComplete={signingUp ? "new-password" : "current-password"}
          />
        )}
      </Field>
      <div id="auth-form-status" aria-live="polite">
        {state.formError ? (
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {state.formError}
          </p>
        ) : null}
        {state.notice ? (
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            {state.notice}
          </p>
        ) : null}
      </div>
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
