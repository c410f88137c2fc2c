"use client";

import { type FormEvent, type KeyboardEvent, useId, useState } from "react";
import { MESSAGE_MAX } from "./limits";

interface ComposerProps {
  botName: string;
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

/** The message box: Enter sends, Shift+Enter breaks the line; while an answer streams, Stop ends it. */
export function Composer({ botName, busy, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState("");
  const id = useId();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const message = text.trim();
    if (!message || busy) return;
    onSend(message);
    setText("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter that confirms an IME candidate must not send half a word.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} className="flex items-end gap-2">
      <label htmlFor={id} className="sr-only">
        Message {botName}
      </label>
      <textarea
        id={id}
        data-testid="composer-input"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={1}
        maxLength={MESSAGE_MAX}
        placeholder="Ask a question…"
        aria-describedby={`${id}-hint`}
        className="field-sizing-content max-h-40 min-h-11 flex-1 resize-none rounded-2xl border border-zinc-300 bg-white px-4 py-2.5 text-base text-zinc-900 placeholder:text-zinc-500 focus:border-(--accent) focus:outline-none focus-visible:ring-2 focus-visible:ring-(--accent)/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-400"
      />
      <span id={`${id}-hint`} className="sr-only">
        Enter sends, Shift+Enter starts a new line.
      </span>
      {busy ? (
        <button
          type="button"
          onClick={onStop}
          data-testid="stop-button"
          className="h-11 shrink-0 rounded-full border border-zinc-300 px-4 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
        >
          Stop
        </button>
      ) : (
        <button
          type="submit"
          data-testid="send-button"
          disabled={text.trim() === ""}
          className="h-11 shrink-0 rounded-full bg-(--accent) px-5 text-sm font-medium text-(--accent-fg) hover:opacity-90 disabled:opacity-40"
        >
          Send
        </button>
      )}
    </form>
  );
}
