"use client";

import { ArrowDown, ArrowUp, Plus, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

const MAX_STARTER_QUESTIONS = 6;

interface StarterQuestionsProps {
  questions: string[];
  onChange: (questions: string[]) => void;
  /** By the API's dotted path: configuration.starter_questions, configuration.starter_questions.2… */
  errors: Record<string, string>;
}

/** The starter questions: edited in place, added, removed and moved up or down. */
export function StarterQuestions({ questions, onChange, errors }: StarterQuestionsProps) {
  // Moving a question keeps the keyboard on it: focus follows to the same button at its new place
  // (or the other arrow when it reached an end), and a live region says where it went.
  const [moveStatus, setMoveStatus] = useState("");
  const moveQuestion = (from: number, to: number) => {
    const next = [...questions];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    onChange(next);
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
              onChange={(e) => onChange(questions.map((q, i) => (i === index ? e.target.value : q)))}
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
              onClick={() => onChange(questions.filter((_, i) => i !== index))}
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
          onClick={() => onChange([...questions, ""])}
        >
          <Plus aria-hidden />
          Add a question
        </Button>
      </div>
    </fieldset>
  );
}
