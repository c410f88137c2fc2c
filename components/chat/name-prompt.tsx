"use client";

import { type FormEvent, type MouseEvent, useId, useState } from "react";
import { VISITOR_NAME_MAX } from "@/lib/constants";

interface NamePromptProps {
  onSave: (name: string) => void;
  onSkip: (event: MouseEvent) => void;
}

/** Asked once, optional: the owner sees the name beside the visitor's messages. */
export function NamePrompt({ onSave, onSkip }: NamePromptProps) {
  const [name, setName] = useState("");
  const id = useId();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed) onSave(trimmed);
  };
  return (
    <form
      onSubmit={save}
      data-testid="name-prompt"
      className="flex flex-wrap items-center gap-2 rounded-2xl border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <label htmlFor={id} className="w-full font-medium text-zinc-700 sm:w-auto dark:text-zinc-300">
        What&apos;s your name?
      </label>
      <input
        id={id}
        data-testid="name-input"
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={VISITOR_NAME_MAX}
        autoComplete="given-name"
        placeholder="Optional"
        className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-2.5 py-1.5 text-zinc-900 focus:border-(--accent) focus-visible:ring-2 focus-visible:ring-(--accent)/40 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      />
      <button
        type="submit"
        data-testid="name-save"
        className="rounded-lg bg-(--accent) px-3 py-1.5 font-medium text-(--accent-fg) hover:opacity-90"
      >
        Save
      </button>
      <button
        type="button"
        onClick={onSkip}
        className="rounded-lg px-2 py-1.5 text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        Skip
      </button>
    </form>
  );
}
