"use client";

import { useRouter } from "next/navigation";
import { useActionState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TextareaField } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { answerQuestionAction, dismissQuestionAction } from "@/lib/questions/actions";
import type { QuestionGroup } from "@/lib/questions/types";

type Answered = FormState<{ knowledge_item_id: string }>;

/** One group of the queue: how often it was asked, an answer to give from now on, or dismiss it. */
export function QuestionCard({ group }: { group: QuestionGroup }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<Answered, FormData>(answerQuestionAction, idleFormState);
  const [dismissing, startDismiss] = useTransition();
  useFormAnswer(state, (answer) => {
    if (answer.status === "success") {
      toast.success("Answer saved", { description: "The next visitor who asks gets it." });
      router.refresh();
    } else if (answer.status === "error") {
      toast.error("The answer was not saved", { description: answer.message });
    }
  });
  const dismiss = () =>
    startDismiss(async () => {
      const result = await dismissQuestionAction(idleFormState, { questions: group.wordings });
      if (result.status === "error") toast.error("Not dismissed", { description: result.message });
      else router.refresh();
    });
  const asked = `Asked ${group.times} ${group.times === 1 ? "time" : "times"} by ${group.visitors} ${group.visitors === 1 ? "visitor" : "visitors"}, last ${new Date(group.last_asked_at).toLocaleString()}`;
  return (
    <Card data-testid="question-group">
      <CardHeader>
        <CardTitle as="h2" className="wrap-anywhere">
          “{group.question}”
        </CardTitle>
        <CardDescription>{asked}</CardDescription>
        {group.wordings.length > 1 ? (
          <div className="text-sm text-zinc-600 dark:text-zinc-400">
            <p>Also asked as:</p>
            <ul data-testid="question-wordings" className="list-inside list-disc">
              {group.wordings.slice(1).map((wording) => (
                <li key={wording} className="wrap-anywhere">
                  “{wording}”
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardHeader>
      <CardContent>
        <form action={formAction} noValidate className="grid gap-3">
          {group.wordings.map((wording) => (
            <input key={wording} type="hidden" name="questions" value={wording} />
          ))}
          <TextareaField
            label="Your answer"
            error={state.status === "error" ? state.fieldErrors.answer : undefined}
            name="answer"
            rows={3}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" loading={pending}>
              Save answer
            </Button>
            <Button variant="ghost" loading={dismissing} onClick={dismiss}>
              Dismiss
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
