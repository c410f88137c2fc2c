"use client";

import { useActionState, useState } from "react";
import { fieldErrorsOf, StatusForm } from "@/components/settings/form-message";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RadioChoices } from "@/components/ui/radio-choices";
import { KNOWLEDGE_KIND_LABELS } from "@/lib/answer-sources";
import { setChatbotKnowledgeAction } from "@/lib/chatbots/actions";
import type { ChatbotKnowledge } from "@/lib/chatbots/schemas";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import type { KnowledgeChoice } from "@/lib/knowledge/types";

const SCOPE_CHOICES = [
  ["all", "All of my knowledge, including what I add later"],
  ["selected", "Only the items I choose"],
] as const;

/** Which of the owner's knowledge this bot answers from: all of it, or the items ticked. */
export function KnowledgeScopeForm({
  chatbotId,
  initial,
  items,
}: {
  chatbotId: string;
  initial: ChatbotKnowledge;
  items: KnowledgeChoice[];
}) {
  const [state, action, pending] = useActionState<FormState<ChatbotKnowledge>, FormData>(
    setChatbotKnowledgeAction,
    idleFormState,
  );
  const [scope, setScope] = useState(initial.scope);
  const chosen = new Set(initial.item_ids);
  const errors = fieldErrorsOf(state);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Knowledge</CardTitle>
        <CardDescription>
          What this bot answers from besides your profile. A Q&A you write for one of its unanswered questions is added
          to its list.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <StatusForm
          action={action}
          name="knowledge-scope"
          state={state}
          pending={pending}
          notice={state.status === "success" ? "Knowledge choice saved." : undefined}
          submitLabel="Save knowledge choice"
        >
          <input type="hidden" name="id" value={chatbotId} />
          <RadioChoices
            name="scope"
            legend="Knowledge this bot uses"
            legendHidden
            choices={SCOPE_CHOICES}
            value={scope}
            onValueChange={setScope}
          />
          <fieldset className="grid gap-2" hidden={scope !== "selected"} data-testid="knowledge-choices">
            <legend className="mb-1 text-sm font-medium">Items this bot answers from</legend>
            {items.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                You have no knowledge items yet: the bot answers from your profile alone.
              </p>
            ) : (
              items.map((item) => (
                <label key={item.id} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="item_ids"
                    value={item.id}
                    defaultChecked={chosen.has(item.id)}
                    className="mt-0.5 size-4 accent-indigo-600"
                  />
                  <span className="wrap-anywhere">
                    {item.title}{" "}
                    <span className="text-zinc-600 dark:text-zinc-400">· {KNOWLEDGE_KIND_LABELS[item.kind]}</span>
                  </span>
                </label>
              ))
            )}
            {errors.item_ids ? (
              <p role="alert" className="text-sm text-red-700 dark:text-red-300">
                {errors.item_ids}
              </p>
            ) : null}
          </fieldset>
        </StatusForm>
      </CardContent>
    </Card>
  );
}
