"use client";

import { useActionState, useState } from "react";
import { useUnsavedChangesWarning } from "@/components/dashboard/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { saveProfileAction } from "@/lib/profiles/actions";

type ProfileValues = Record<(typeof FIELDS)[number]["name"], string>;

/** Each field, and a line saying what the bot does with it. */
const FIELDS = [
  {
    name: "name",
    label: "Name",
    long: false,
    hint: "How the bot names you: \u201cAsk about Ada\u201d, \u201cAda is\u2026\u201d.",
  },
  {
    name: "location",
    label: "Location",
    long: false,
    hint: "Answers \u201cwhere are you based?\u201d and questions about relocating.",
  },
  {
    name: "bio",
    label: "Bio",
    long: true,
    hint: "A few sentences about you: the bot's answer to \u201cwho are you?\u201d.",
  },
  {
    name: "skills",
    label: "Skills",
    long: true,
    hint: "What you can do: the bot answers \u201ccan you\u2026?\u201d and \u201cwhat do you know?\u201d from this.",
  },
  {
    name: "experience",
    label: "Experience",
    long: true,
    hint: "Jobs and projects, with years: the bot quotes the sentence that answers, so one fact per sentence helps.",
  },
  {
    name: "interests",
    label: "Interests",
    long: true,
    hint: "What you care about and want to do next; answers \u201cwhat are you looking for?\u201d.",
  },
] as const;

interface ProfileFormProps {
  initial: { [Key in keyof ProfileValues]: string | null };
}

export function ProfileForm({ initial }: ProfileFormProps) {
  const start = Object.fromEntries(FIELDS.map(({ name }) => [name, initial[name] ?? ""])) as ProfileValues;
  const [saved, setSaved] = useState(start);
  const [values, setValues] = useState(start);
  const [state, formAction, pending] = useActionState<FormState<{ updatedAt: string }>, FormData>(
    saveProfileAction,
    idleFormState,
  );
  const dirty = FIELDS.some(({ name }) => values[name] !== saved[name]);
  useUnsavedChangesWarning(dirty);

  // Each answer from the server is told once: a toast, and on success the saved values move on.
  useFormAnswer(state, (answer) => {
    if (answer.status === "success") {
      setSaved(values);
      toast.success("Profile saved", { description: "Your chatbots answer from it now." });
    } else if (answer.status === "error") {
      toast.error("Your profile was not saved", { description: answer.message });
    }
  });

  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={formAction} noValidate>
      <Card>
        <CardContent className="grid gap-6 pt-6">
          {FIELDS.map((field) => (
            <Field key={field.name} label={field.label} hint={field.hint} error={errors[field.name]}>
              {(control) =>
                field.long ? (
                  <Textarea
                    {...control}
                    name={field.name}
                    rows={5}
                    value={values[field.name]}
                    onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
                  />
                ) : (
                  <Input
                    {...control}
                    name={field.name}
                    value={values[field.name]}
                    onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
                  />
                )
              }
            </Field>
          ))}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" loading={pending}>
              {pending ? "Saving…" : "Save profile"}
            </Button>
            <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
              {dirty ? "Unsaved changes" : state.status === "success" ? "All changes saved" : ""}
            </p>
          </div>
        </CardContent>
      </Card>
    </form>
  );
}
