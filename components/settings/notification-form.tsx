"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";
import type { UnansweredQuestionsSetting } from "@/lib/validation/notifications";
import { FormMessage } from "./form-message";

/** Whether the owner is emailed when a bot can't answer a visitor's question. */
export function NotificationForm({ unansweredQuestions }: { unansweredQuestions: UnansweredQuestionsSetting }) {
  const [state, action, pending] = useActionState<FormState<null>, FormData>(
    saveNotificationSettingsAction,
    idleFormState,
  );
  return (
    <form action={action} noValidate className="grid gap-4" aria-describedby="notifications-status">
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">When a bot can’t answer a question</legend>
        {(
          [
            ["immediately", "Email me right away"],
            ["off", "Don’t email me (the Questions page still lists them)"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="unanswered_questions"
              value={value}
              defaultChecked={unansweredQuestions === value}
              className="size-4 accent-indigo-600"
            />
            {label}
          </label>
        ))}
      </fieldset>
      <FormMessage
        id="notifications-status"
        state={state}
        notice={state.status === "success" ? "Notification settings saved." : undefined}
      />
      <div>
        <Button type="submit" loading={pending}>
          Save
        </Button>
      </div>
    </form>
  );
}
