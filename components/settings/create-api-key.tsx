"use client";

import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RadioChoices } from "@/components/ui/radio-choices";
import { toast } from "@/components/ui/toast";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import type { CreatedApiKey } from "@/lib/api-keys/schemas";
import type { ApiKeyScope } from "@/lib/constants";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { FormMessage, fieldErrorsOf } from "./form-message";
import { PasswordPrompt } from "./password-prompt";
import { SecretShownOnce } from "./secret-shown-once";

const SCOPE_CHOICES = [
  ["read", "Read only: it can look but never change anything"],
  ["write", "Read and write: it can do whatever you can with a key"],
] as const;

/**
 * Names and creates a key, with the scope the owner chose (none is ticked for them), then shows it once with a copy button. When the server wants the
 * password again (reauthentication_required), asks for it and tries once more.
 */
export function CreateApiKey() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiKeyScope | null>(null);
  const [state, setState] = useState<FormState<CreatedApiKey>>(idleFormState);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [prompting, setPrompting] = useState(false);
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      const result = await createApiKeyAction(idleFormState, { name, ...(scope ? { scope } : {}) });
      if (result.status === "error" && result.code === "reauthentication_required") {
        setState(idleFormState);
        setPrompting(true);
        return;
      }
      setState(result);
      if (result.status === "success") {
        setCreated(result.data);
        setName("");
        setScope(null);
        toast.success(`API key “${result.data.name}” created`);
        router.refresh();
      } else if (result.status === "error" && Object.keys(result.fieldErrors).length === 0) {
        toast.error("The key was not created", { description: result.message });
      }
    });

  return (
    <div className="grid gap-4">
      <form action={create} noValidate className="grid gap-4" aria-describedby="create-key-status">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <Field
            label="Key name"
            hint="Where it will be used, e.g. “Zapier”."
            error={fieldErrorsOf(state).name}
            className="flex-1"
          >
            {(control) => (
              <Input
                {...control}
                name="name"
                value={name}
                onChange={(event) => setName(event.target.value)}
                maxLength={100}
              />
            )}
          </Field>
          <Button type="submit" loading={pending} className="sm:mt-7">
            <KeyRound aria-hidden />
            Create key
          </Button>
        </div>
        <div className="grid gap-1">
          <RadioChoices
            name="scope"
            legend="What may it do?"
            choices={SCOPE_CHOICES}
            value={scope}
            onValueChange={setScope}
          />
          {fieldErrorsOf(state).scope ? (
            <p className="text-sm font-medium text-red-700 dark:text-red-400">{fieldErrorsOf(state).scope}</p>
          ) : null}
        </div>
      </form>
      <FormMessage id="create-key-status" state={state} />
      {created ? (
        <SecretShownOnce
          key={created.key}
          id="new-key-title"
          title={<>Copy your new key “{created.name}” now: it won’t be shown again.</>}
          value={created.key}
          label="New API key"
          noun="Key"
          onDone={() => setCreated(null)}
        />
      ) : null}
      <PasswordPrompt open={prompting} onOpenChange={setPrompting} onConfirmed={create} />
    </div>
  );
}
