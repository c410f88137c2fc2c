"use client";

import { Webhook } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { createWebhookAction } from "@/lib/webhooks/actions";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";
import type { CreatedWebhook } from "@/lib/webhooks/schemas";
import { FormMessage, fieldErrorsOf } from "./form-message";
import { SecretShownOnce } from "./secret-shown-once";

const EVENT_LABELS: Record<WebhookEvent, string> = {
  "message.created": "A visitor’s message was answered",
  "question.unanswered": "A bot couldn’t answer a question",
  "contact.created": "A visitor left their contact details",
  "feedback.created": "A visitor rated an answer",
};

/** Registers an endpoint, then shows its signing secret once with a copy button. */
export function CreateWebhook() {
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>(["message.created"]);
  const [state, setState] = useState<FormState<CreatedWebhook>>(idleFormState);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = fieldErrorsOf(state);

  const create = () =>
    startTransition(async () => {
      const result = await createWebhookAction(idleFormState, { url, description, events });
      setState(result);
      if (result.status === "success") {
        setCreated(result.data);
        setUrl("");
        setDescription("");
        toast.success("Webhook endpoint added");
        router.refresh();
      } else if (result.status === "error" && Object.keys(result.fieldErrors).length === 0) {
        toast.error("The endpoint was not added", { description: result.message });
      }
    });

  const toggle = (event: WebhookEvent, on: boolean) =>
    setEvents((current) => (on ? [...current, event] : current.filter((item) => item !== event)));

  return (
    <div className="grid gap-4">
      <form action={create} noValidate className="grid gap-4" aria-describedby="create-webhook-status">
        <InputField
          label="Endpoint URL"
          hint="Where we POST the events, e.g. https://example.com/hooks/chatfolio."
          error={errors.url}
          name="url"
          type="url"
          inputMode="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          maxLength={2000}
        />
        <InputField
          label="Description"
          hint="Optional: what it feeds, e.g. “CRM”."
          error={errors.description}
          name="description"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={200}
        />
        <fieldset className="grid gap-2" aria-describedby={errors.events ? "webhook-events-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Events</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="events"
                value={event}
                checked={events.includes(event)}
                onChange={(change) => toggle(event, change.target.checked)}
                className="size-4 accent-indigo-600"
              />
              {EVENT_LABELS[event]} <code className="text-xs text-zinc-600 dark:text-zinc-400">{event}</code>
            </label>
          ))}
          {errors.events ? (
            <p id="webhook-events-error" className="text-sm text-red-700 dark:text-red-400">
              {errors.events}
            </p>
          ) : null}
        </fieldset>
        <div>
          <Button type="submit" loading={pending}>
            <Webhook aria-hidden />
            Add endpoint
          </Button>
        </div>
      </form>
      <FormMessage id="create-webhook-status" state={state} />
      {created ? (
        <SecretShownOnce
          key={created.secret}
          id="new-webhook-title"
          title={<>Copy the signing secret for {created.url} now: it won’t be shown again.</>}
          value={created.secret}
          label="Signing secret"
          noun="Secret"
          onDone={() => setCreated(null)}
        />
      ) : null}
    </div>
  );
}
