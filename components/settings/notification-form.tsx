"use client";

import { useActionState, useEffect, useState } from "react";
import { InputField } from "@/components/ui/input";
import { RadioChoices } from "@/components/ui/radio-choices";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";
import type { NotificationSettings } from "@/lib/notifications/types";
import { fieldErrorsOf, StatusForm } from "./form-message";

const UNANSWERED_CHOICES = [
  ["immediately", "Email me right away"],
  ["daily", "One email a day, at 8:00, with all of them"],
  ["off", "Don’t email me (the Questions page still lists them)"],
] as const;

const CONTACT_CHOICES = [
  ["immediately", "Email me right away"],
  ["daily", "In the daily email at 8:00, beside the questions"],
  ["off", "Don’t email me (the Contacts page still lists them)"],
] as const;

/** How the owner hears of their bots: unanswered questions, the weekly summary, and their time zone. */
export function NotificationForm({ settings }: { settings: NotificationSettings }) {
  const [state, action, pending] = useActionState<FormState<null>, FormData>(
    saveNotificationSettingsAction,
    idleFormState,
  );
  const errors = fieldErrorsOf(state);
  // Until the owner chooses, the browser's own time zone is offered (known only once hydrated).
  const [timezone, setTimezone] = useState(settings.timezone ?? "UTC");
  const [zones, setZones] = useState<string[]>([]);
  useEffect(() => {
    if (!settings.timezone) setTimezone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    setZones(Intl.supportedValuesOf("timeZone"));
  }, [settings.timezone]);

  return (
    <StatusForm
      action={action}
      name="notifications"
      state={state}
      pending={pending}
      notice={state.status === "success" ? "Notification settings saved." : undefined}
      submitLabel="Save"
      className="gap-5"
    >
      <RadioChoices
        name="unanswered_questions"
        legend="When a bot can’t answer a question"
        choices={UNANSWERED_CHOICES}
        defaultValue={settings.unanswered_questions}
      />
      <RadioChoices
        name="contacts"
        legend="When a visitor leaves their details"
        choices={CONTACT_CHOICES}
        defaultValue={settings.contacts}
      />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="weekly_summary"
          defaultChecked={settings.weekly_summary}
          className="mt-0.5 size-4 accent-indigo-600"
        />
        <span>
          A weekly summary on Mondays at 8:00
          <span className="block text-zinc-600 dark:text-zinc-400">
            Conversations, the most asked questions, what your bots couldn’t answer, new contacts and thumbs up or down;
            nothing in a quiet week.
          </span>
        </span>
      </label>
      <InputField
        label="Time zone"
        error={errors.timezone}
        hint="Digests and summaries arrive at 8:00 here."
        name="timezone"
        list="notification-time-zones"
        autoComplete="off"
        value={timezone}
        onChange={(event) => setTimezone(event.target.value)}
      />
      <datalist id="notification-time-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </StatusForm>
  );
}
