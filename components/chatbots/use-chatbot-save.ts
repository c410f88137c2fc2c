"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useState } from "react";
import { useUnsavedChangesWarning } from "@/components/dashboard/use-unsaved-changes";
import { toast } from "@/components/ui/toast";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { createChatbotAction, updateChatbotAction } from "@/lib/chatbots/actions";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { configurationOf, type EditorValues } from "./editor-values";

type SaveResult = { slug: string; updatedAt: string } | undefined;

/** The update action nests the chatbot's fields under `patch`; the form shows them at their own names. */
const fieldPath = (path: string) => path.replace(/^patch\./, "");

/**
 * The editor's save cycle: what was saved last (and so whether there are unsaved changes), the
 * submission to the create or update action, and its answer as a toast and field errors by the
 * API's dotted path.
 */
export function useChatbotSave(
  chatbotId: string | null,
  initial: EditorValues,
  values: EditorValues,
  realModel: boolean,
): {
  saved: EditorValues;
  dirty: boolean;
  pending: boolean;
  errors: Record<string, string>;
  submit: (event: React.FormEvent) => void;
} {
  const creating = chatbotId === null;
  const [saved, setSaved] = useState(initial);
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  useUnsavedChangesWarning(dirty);

  const [state, dispatch, pending] = useActionState<FormState<SaveResult>, Record<string, unknown>>(
    // The actions don't read the previous state; each submission stands alone.
    (_previous, payload) =>
      creating ? createChatbotAction(idleFormState, payload) : updateChatbotAction(idleFormState, payload),
    idleFormState,
  );
  const router = useRouter();
  useFormAnswer(state, (answer) => {
    if (answer.status === "success") {
      setSaved(values);
      toast.success("Chatbot saved", { description: "Visitors get the new settings from their next message." });
      // The page around the form (its title, share link and QR code) shows the saved bot.
      router.refresh();
    } else if (answer.status === "error") {
      toast.error("The chatbot was not saved", { description: answer.message });
    }
  });
  const errors: Record<string, string> = {};
  if (state.status === "error") {
    for (const [path, message] of Object.entries(state.fieldErrors)) errors[fieldPath(path)] ??= message;
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const fields = {
      name: values.name,
      description: values.description.trim() === "" ? null : values.description,
      is_public: values.is_public,
      configuration: configurationOf(values, { realModel }),
    };
    const slug = values.public_url_slug.trim();
    const payload = creating
      ? { ...fields, public_url_slug: slug === "" ? null : slug }
      : { id: chatbotId, patch: { ...fields, public_url_slug: slug } };
    startTransition(() => dispatch(payload));
  };

  return { saved, dirty, pending, errors, submit };
}
