"use client";

import { ThumbsDown, ThumbsUp } from "lucide-react";
import { type FormEvent, useState } from "react";
import { FEEDBACK_COMMENT_MAX } from "@/lib/constants";
import type { AnswerFeedback } from "./visitor-api";

interface AnswerFeedbackProps {
  feedback: AnswerFeedback | undefined;
  /** Resolves false when the server didn't take it (the control says so). */
  onChange: (feedback: AnswerFeedback) => Promise<boolean>;
}

const THUMB =
  "rounded-md p-1 leading-none hover:bg-zinc-200 aria-pressed:bg-(--accent)/15 aria-pressed:ring-1 aria-pressed:ring-(--accent) dark:hover:bg-zinc-700";

const THUMBS = [
  { pick: "up", label: "Helpful", Icon: ThumbsUp },
  { pick: "down", label: "Not helpful", Icon: ThumbsDown },
] as const;

/** Thumbs up or down under an answer; a thumbs down may say, in one line, what was missing. */
export function AnswerFeedbackControls({ feedback, onChange }: AnswerFeedbackProps) {
  const rating = feedback?.rating ?? null;
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState(feedback?.comment ?? "");
  const [note, setNote] = useState("");

  const change = async (next: AnswerFeedback) => {
    setNote("");
    const saved = await onChange(next);
    setNote(saved ? (next.comment ? "Thanks for telling us." : "") : "Couldn't save your feedback.");
    return saved;
  };
  const rate = (pick: "up" | "down") => {
    // Pressing the chosen thumb again takes it back.
    const next = rating === pick ? null : pick;
    setAsking(next === "down");
    void change({ rating: next, comment: null });
  };
  const submitComment = async (event: FormEvent) => {
    event.preventDefault();
    if (await change({ rating: "down", comment: comment.trim() || null })) setAsking(false);
  };

  return (
    <div data-testid="answer-feedback" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
      <div className="flex items-center gap-1">
        {THUMBS.map(({ pick, label, Icon }) => (
          <button
            key={pick}
            type="button"
            data-testid={`thumbs-${pick}`}
            aria-pressed={rating === pick}
            aria-label={label}
            title={label}
            onClick={() => rate(pick)}
            className={THUMB}
          >
            <Icon aria-hidden className="size-4" />
          </button>
        ))}
        <span role="status" className="ml-1">
          {note}
        </span>
      </div>
      {asking && (
        <form onSubmit={submitComment} className="mt-1 flex gap-1">
          <input
            data-testid="feedback-comment"
            aria-label="What was missing? (optional)"
            placeholder="What was missing? (optional)"
            maxLength={FEEDBACK_COMMENT_MAX}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          />
          <button
            type="submit"
            data-testid="feedback-comment-send"
            className="rounded-md border border-zinc-300 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Send
          </button>
        </form>
      )}
    </div>
  );
}
