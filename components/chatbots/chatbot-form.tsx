"use client";

import { ArrowDown, ArrowUp, Plus, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { useUnsavedChangesWarning } from "@/components/dashboard/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { checkSlugAction, createChatbotAction, updateChatbotAction } from "@/lib/chatbots/actions";
import type { SlugAvailability } from "@/lib/chatbots/types";
import { TONES, type Voice } from "@/lib/constants";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { ChatbotPreview } from "./chatbot-preview";
import { configurationOf, type EditorValues, type RetentionChoice } from "./editor-values";

const RETENTION_OPTIONS: { value: RetentionChoice; label: string }[] = [
  { value: "forever", label: "Until I delete them" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "365 days" },
];

const MAX_STARTER_QUESTIONS = 6;
const TONE_OPTIONS = TONES.map((tone) => ({ value: tone, label: tone[0].toUpperCase() + tone.slice(1) }));
const VOICE_OPTIONS: { value: Voice; label: string }[] = [
  { value: "assistant", label: "Your assistant" },
  { value: "first_person", label: "You, first person" },
];

interface ChatbotFormProps {
  /** The chatbot being edited; null on /dashboard/chatbots/new. */
  chatbotId: string | null;
  initial: EditorValues;
  /** The models a bot may choose, when a real model is configured; null with the offline model. */
  models: string[] | null;
}

type SaveResult = { slug: string; updatedAt: string } | undefined;

/** The update action nests the chatbot's fields under `patch`; the form shows them at their own names. */
const fieldPath = (path: string) => path.replace(/^patch\./, "");

export function ChatbotForm({ chatbotId, initial, models }: ChatbotFormProps) {
  const creating = chatbotId === null;
  const [saved, setSaved] = useState(initial);
  const [values, setValues] = useState(initial);
  const set = <Key extends keyof EditorValues>(key: Key, value: EditorValues[Key]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  useUnsavedChangesWarning(dirty);

  const [state, dispatch, pending] = useActionState<FormState<SaveResult>, Record<string, unknown>>(
    // The actions don't read the previous state; each submission stands alone.
    (_previous, payload) =>
      creating ? createChatbotAction(idleFormState, payload) : updateChatbotAction(idleFormState, payload),
    idleFormState,
  );
  const router = useRouter();
  const told = useRef<FormState<SaveResult>>(idleFormState);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  useEffect(() => {
    if (state === told.current) return;
    told.current = state;
    if (state.status === "success") {
      setSaved(valuesRef.current);
      toast.success("Chatbot saved", { description: "Visitors get the new settings from their next message." });
      // The page around the form (its title, share link and QR code) shows the saved bot.
      router.refresh();
    } else if (state.status === "error") {
      toast.error("The chatbot was not saved", { description: state.message });
    }
  }, [state, router]);
  const errors: Record<string, string> = {};
  if (state.status === "error") {
    for (const [path, message] of Object.entries(state.fieldErrors)) errors[fieldPath(path)] ??= message;
  }

  const slug = useSlugCheck(values.publicUrlSlug, chatbotId, saved.publicUrlSlug);
  const realModel = models !== null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const fields = {
      name: values.name,
      description: values.description.trim() === "" ? null : values.description,
      is_public: values.isPublic,
      configuration: configurationOf(values, { realModel }),
    };
    const payload = creating
      ? { ...fields, public_url_slug: values.publicUrlSlug.trim() === "" ? null : values.publicUrlSlug.trim() }
      : { id: chatbotId, patch: { ...fields, public_url_slug: values.publicUrlSlug.trim() } };
    startTransition(() => dispatch(payload));
  };

  const questions = values.starterQuestions;
  // Moving a question keeps the keyboard on it: focus follows to the same button at its new place
  // (or the other arrow when it reached an end), and a live region says where it went.
  const [moveStatus, setMoveStatus] = useState("");
  const moveQuestion = (from: number, to: number) => {
    const next = [...questions];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    set("starterQuestions", next);
    setMoveStatus(`Question moved to position ${to + 1} of ${next.length}.`);
    const direction = to < from ? "up" : "down";
    const atEnd = direction === "up" ? to === 0 : to === next.length - 1;
    focusAfterMove.current = `starter-${atEnd ? (direction === "up" ? "down" : "up") : direction}-${to}`;
  };
  const focusAfterMove = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfterMove.current === null) return;
    document.getElementById(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(320px,420px)]">
      <form onSubmit={submit} noValidate className="grid min-w-0 gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Basics</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-5">
            <Field label="Name" hint="Shown on the chat's page and in your list." error={errors.name}>
              {(control) => (
                <Input {...control} name="name" value={values.name} onChange={(e) => set("name", e.target.value)} />
              )}
            </Field>
            <Field label="Description" hint="One line under the name on the public page." error={errors.description}>
              {(control) => (
                <Textarea
                  {...control}
                  rows={2}
                  value={values.description}
                  onChange={(e) => set("description", e.target.value)}
                />
              )}
            </Field>
            <Field
              label="Public address"
              hint={
                <span aria-live="polite" data-testid="slug-status">
                  {values.publicUrlSlug.trim() === ""
                    ? "Leave empty to make one from the name."
                    : slug.availability === "available"
                      ? slug.message
                      : `Visitors open /c/${values.publicUrlSlug.trim()}.`}
                </span>
              }
              error={
                errors.public_url_slug ??
                (slug.availability !== null && slug.availability !== "available"
                  ? (slug.message ?? undefined)
                  : undefined)
              }
            >
              {(control) => (
                <Input
                  {...control}
                  name="public_url_slug"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={values.publicUrlSlug}
                  onChange={(e) => set("publicUrlSlug", e.target.value.toLowerCase())}
                />
              )}
            </Field>
            <Field
              label="Public"
              layout="inline"
              hint="Anyone with the link can chat. When off, only you can open the page."
              error={errors.is_public}
            >
              {(control) => (
                <Switch
                  {...control}
                  checked={values.isPublic}
                  onCheckedChange={(checked) => set("isPublic", checked)}
                />
              )}
            </Field>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Conversation</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-5">
            <Field
              label="Welcome message"
              hint="The chat's first message, before the visitor writes."
              error={errors["configuration.welcome_message"]}
            >
              {(control) => (
                <Textarea
                  {...control}
                  rows={2}
                  value={values.welcomeMessage}
                  onChange={(e) => set("welcomeMessage", e.target.value)}
                />
              )}
            </Field>
            <fieldset className="grid gap-2">
              <legend className="text-sm font-medium">Starter questions</legend>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                Buttons a visitor can press instead of typing (up to {MAX_STARTER_QUESTIONS}).
              </p>
              <ol className="grid gap-2">
                {questions.map((question, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is edited in place; the index is the item's identity
                  <li key={index} className="flex items-center gap-2">
                    <Input
                      aria-label={`Starter question ${index + 1}`}
                      aria-invalid={errors[`configuration.starter_questions.${index}`] ? true : undefined}
                      value={question}
                      onChange={(e) =>
                        set(
                          "starterQuestions",
                          questions.map((q, i) => (i === index ? e.target.value : q)),
                        )
                      }
                    />
                    <Button
                      variant="ghost"
                      size="icon"
                      id={`starter-up-${index}`}
                      aria-label={`Move question ${index + 1} up`}
                      disabled={index === 0}
                      onClick={() => moveQuestion(index, index - 1)}
                    >
                      <ArrowUp aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      id={`starter-down-${index}`}
                      aria-label={`Move question ${index + 1} down`}
                      disabled={index === questions.length - 1}
                      onClick={() => moveQuestion(index, index + 1)}
                    >
                      <ArrowDown aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Remove question ${index + 1}`}
                      onClick={() =>
                        set(
                          "starterQuestions",
                          questions.filter((_, i) => i !== index),
                        )
                      }
                    >
                      <X aria-hidden />
                    </Button>
                  </li>
                ))}
              </ol>
              <p aria-live="polite" className="sr-only">
                {moveStatus}
              </p>
              {errors["configuration.starter_questions"] ? (
                <p className="text-sm font-medium text-red-700 dark:text-red-400">
                  {errors["configuration.starter_questions"]}
                </p>
              ) : null}
              <div>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={questions.length >= MAX_STARTER_QUESTIONS}
                  onClick={() => set("starterQuestions", [...questions, ""])}
                >
                  <Plus aria-hidden />
                  Add a question
                </Button>
              </div>
            </fieldset>
            <Field
              label="Instructions"
              hint="Your own guidance for the assistant, e.g. “Mention that I'm open to remote roles.”"
              error={errors["configuration.instructions"]}
            >
              {(control) => (
                <Textarea
                  {...control}
                  rows={4}
                  value={values.instructions}
                  onChange={(e) => set("instructions", e.target.value)}
                />
              )}
            </Field>
            <Field label="Tone" error={errors["configuration.tone"]}>
              {(control) => (
                <Select
                  {...control}
                  options={TONE_OPTIONS}
                  value={values.tone}
                  onValueChange={(tone) => tone && set("tone", tone)}
                />
              )}
            </Field>
            <Field
              label="Voice"
              hint="“Ada is based in Lisbon”, or “I'm based in Lisbon”."
              error={errors["configuration.voice"]}
            >
              {(control) => (
                <Select
                  {...control}
                  options={VOICE_OPTIONS}
                  value={values.voice}
                  onValueChange={(voice) => voice && set("voice", voice)}
                />
              )}
            </Field>
            {models ? (
              <>
                <Field label="Model" hint="Which model answers." error={errors["configuration.model"]}>
                  {(control) => (
                    <Select
                      {...control}
                      options={[
                        { value: "", label: "The server's default" },
                        ...models.map((model) => ({ value: model, label: model })),
                      ]}
                      value={values.model ?? ""}
                      onValueChange={(model) => set("model", model === "" ? null : model)}
                    />
                  )}
                </Field>
                <Field
                  label={`Temperature: ${values.temperature.toFixed(1)}`}
                  hint="Lower answers the same way each time; higher varies more."
                  error={errors["configuration.temperature"]}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="range"
                      min={0}
                      max={2}
                      step={0.1}
                      value={values.temperature}
                      onChange={(e) => set("temperature", Number(e.target.value))}
                      className="w-full accent-indigo-600"
                    />
                  )}
                </Field>
              </>
            ) : null}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Limits and look</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-5 sm:grid-cols-2">
            <Field
              label="Messages per visitor"
              hint="How many messages one visitor may send…"
              error={errors["configuration.rate_limit.max_messages"]}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  value={Number.isNaN(values.maxMessages) ? "" : values.maxMessages}
                  onChange={(e) => set("maxMessages", e.target.valueAsNumber)}
                />
              )}
            </Field>
            <Field
              label="Within (seconds)"
              hint="…within this many seconds."
              error={errors["configuration.rate_limit.window_seconds"]}
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  value={Number.isNaN(values.windowSeconds) ? "" : values.windowSeconds}
                  onChange={(e) => set("windowSeconds", e.target.valueAsNumber)}
                />
              )}
            </Field>
            <Field
              label="Blocked words"
              hint="Separated by commas or spaces. A message with any of them, as a whole word in any case, is refused before the bot sees it; refusals are counted, never stored."
              error={errors["configuration.blocked_words"] ?? errors["configuration.blocked_words.0"]}
            >
              {(control) => (
                <Input {...control} value={values.blockedWords} onChange={(e) => set("blockedWords", e.target.value)} />
              )}
            </Field>
            <Field
              label="Keep conversations"
              hint="After a conversation's last message; then its messages and the visitor's details are deleted. Counts in analytics stay."
              error={errors["configuration.retention_days"]}
            >
              {(control) => (
                <Select
                  {...control}
                  options={RETENTION_OPTIONS}
                  value={values.retention}
                  onValueChange={(retention) => retention && set("retention", retention)}
                />
              )}
            </Field>
            <Field
              label="Show sources"
              layout="inline"
              hint="Under each answer, chips naming the profile sections and knowledge it came from. You always see them in the inbox."
              error={errors["configuration.show_sources"]}
            >
              {(control) => (
                <Switch
                  {...control}
                  checked={values.showSources}
                  onCheckedChange={(checked) => set("showSources", checked)}
                />
              )}
            </Field>
            <Field
              label="Accent colour"
              hint="The chat's buttons and your messages."
              error={errors["configuration.theme.accent_color"]}
            >
              {(control) => (
                <div className="flex items-center gap-2">
                  <input
                    type="color"
                    aria-label="Pick the accent colour"
                    value={values.accentColor}
                    onChange={(e) => set("accentColor", e.target.value)}
                    className="h-9 w-12 cursor-pointer rounded border border-zinc-300 dark:border-zinc-700"
                  />
                  <Input {...control} value={values.accentColor} onChange={(e) => set("accentColor", e.target.value)} />
                </div>
              )}
            </Field>
          </CardContent>
        </Card>

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

/** Asks the server whether the slug is free, 400 ms after the owner stops typing. */
function useSlugCheck(
  slug: string,
  chatbotId: string | null,
  savedSlug: string,
): { availability: SlugAvailability | null; message: string | null } {
  const [result, setResult] = useState<{ slug: string; availability: SlugAvailability; message: string } | null>(null);
  useEffect(() => {
    const wanted = slug.trim();
    if (wanted === "" || wanted === savedSlug) return;
    let current = true;
    const timer = setTimeout(async () => {
      const answer = await checkSlugAction(idleFormState, { slug: wanted, chatbot_id: chatbotId });
      if (!current) return;
      if (answer.status === "success") setResult({ slug: wanted, ...answer.data });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [slug, chatbotId, savedSlug]);
  if (slug.trim() === savedSlug && savedSlug !== "")
    return { availability: "available", message: `/c/${savedSlug} is yours.` };
  return result?.slug === slug.trim()
    ? { availability: result.availability, message: result.message }
    : { availability: null, message: null };
}
