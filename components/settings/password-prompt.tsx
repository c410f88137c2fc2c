"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader } from "@/components/ui/dialog";
import { InputField } from "@/components/ui/input";
import { confirmPasswordAction } from "@/lib/account/actions";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { FormMessage, fieldErrorsOf } from "./form-message";

interface PasswordPromptProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called once the password is confirmed: the session may now do what asked for it. */
  onConfirmed: () => void;
  /** What needs the password, in a sentence; minting an API key unless said. */
  reason?: string;
}

const MINTING_A_KEY =
  "Creating an API key needs your password from the last few minutes, so that a stolen session can’t make keys that outlive it.";

/** "Confirm your password": what the server asks before something sensitive (minting an API key, deleting the account). */
export function PasswordPrompt({ open, onOpenChange, onConfirmed, reason = MINTING_A_KEY }: PasswordPromptProps) {
  const [state, setState] = useState<FormState<null>>(idleFormState);
  const [pending, startTransition] = useTransition();
  const submit = (form: FormData) =>
    startTransition(async () => {
      const result = await confirmPasswordAction(idleFormState, form);
      setState(result);
      if (result.status === "success") {
        onOpenChange(false);
        onConfirmed();
      }
    });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-md">
        <DialogHeader title="Confirm your password" description={reason} />
        <form action={submit} noValidate className="grid gap-4" aria-describedby="password-prompt-status">
          <InputField
            label="Password"
            error={fieldErrorsOf(state).password}
            name="password"
            type="password"
            autoComplete="current-password"
          />
          <FormMessage id="password-prompt-status" state={state} />
          <DialogFooter>
            <DialogClose render={<Button variant="secondary" />}>Cancel</DialogClose>
            <Button type="submit" loading={pending}>
              Confirm
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
