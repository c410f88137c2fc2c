"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { BasicsCard } from "./basics-card";
import { ChatbotPreview } from "./chatbot-preview";
import { ConversationCard } from "./conversation-card";
import { configurationOf, type EditorCardProps, type EditorValues } from "./editor-values";
import { LimitsCard } from "./limits-card";
import { useChatbotSave } from "./use-chatbot-save";
import { useSlugCheck } from "./use-slug-check";

interface ChatbotFormProps {
  /** The chatbot being edited; null on /dashboard/chatbots/new. */
  chatbotId: string | null;
  initial: EditorValues;
  /** The models a bot may choose, when a real model is configured; null with the offline model. */
  models: string[] | null;
}

/** The chatbot editor: its three cards, the save bar, and the live preview beside them. */
export function ChatbotForm({ chatbotId, initial, models }: ChatbotFormProps) {
  const creating = chatbotId === null;
  const realModel = models !== null;
  const [values, setValues] = useState(initial);
  const setField: EditorCardProps["setField"] = (key, value) => setValues((current) => ({ ...current, [key]: value }));
  const setKey: EditorCardProps["setKey"] = (key, value) =>
    setValues((current) => ({ ...current, configuration: { ...current.configuration, [key]: value } }));
  const { saved, dirty, pending, errors, submit } = useChatbotSave(chatbotId, initial, values, realModel);
  const slug = useSlugCheck(values.public_url_slug, chatbotId, saved.public_url_slug);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(320px,420px)]">
      <form onSubmit={submit} noValidate className="grid min-w-0 gap-6">
        <BasicsCard values={values} setField={setField} errors={errors} slug={slug} />
        <ConversationCard values={values} setKey={setKey} errors={errors} models={models} />
        <LimitsCard values={values} setKey={setKey} errors={errors} />
        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border dark:border-zinc-800 dark:bg-zinc-950/95">
          <Button type="submit" loading={pending}>
            {pending ? "Saving…" : creating ? "Create chatbot" : "Save changes"}
          </Button>
          <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
            {dirty ? "Unsaved changes: the preview already uses them." : creating ? "" : "All changes saved"}
          </p>
        </div>
      </form>
      <ChatbotPreview chatbotId={chatbotId} name={values.name} configuration={configurationOf(values, { realModel })} />
    </div>
  );
}
