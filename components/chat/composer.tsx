"use client";

import { type FormEvent, type KeyboardEvent, type MouseEvent, type Ref, useId, useRef, useState } from "react";
import { MESSAGE_MAX } from "@/lib/constants";

interface ComposerProps {
  botName: string;
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  inputRef?: Ref<HTMLTextAreaElement>;
}

/**
 * After a click on a control that goes away or changes meaning, puts focus in the message box,
 * where the visitor types next, rather than letting it drop to the page's body. Not after a
 * finger's tap: focusing the box would pop the on-screen keyboard up over the answer.
 */
export function focusComposer(event: MouseEvent, input: HTMLTextAreaElement | null): void {
  const native = event.nativeEvent;
  if ("pointerType" in native && native.pointerType === "touch") return;
  input?.focus();
}

/** The message box: Enter sends, Shift+Enter breaks the line; while an answer streams, Stop ends it. */
export function Composer({ botName, busy, onSend, onStop, inputRef }: ComposerProps) {
  const [text, setText] = useState("");
  const id = useId();
  const input = useRef<HTMLTextAreaElement | null>(null);
  const setInput = (element: HTMLTextAreaElement | null) => {
    input.current = element;
    if (typeof inputRef === "function") inputRef(element);
    else if (inputRef) inputRef.current = element;
  };

  const empty = text.trim() === "";
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

  const onButton = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    if (busy) onStop();
    else submit();
    focusComposer(event, input.current);
  };

  return (
    <form onSubmit={submit} className="flex items-end gap-2">
      <label htmlFor={id} className="sr-only">
        Message {botName}
      </label>
      <textarea
        id={id}
        ref={setInput}
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
      {/* One button that is Send or Stop, never disabled: a disabled or replaced button that has
          focus drops it to the page's body, when an answer starts or ends. aria-disabled still
          says that Send has nothing to send. */}
      <button
        type={busy ? "button" : "submit"}
        onClick={onButton}
        data-testid={busy ? "stop-button" : "send-button"}
        aria-disabled={!busy && empty}
        className={
          busy
            ? "h-11 shrink-0 rounded-full border border-zinc-300 px-4 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
            : "h-11 shrink-0 rounded-full bg-(--accent) px-5 text-sm font-medium text-(--accent-fg) hover:opacity-90 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-disabled:hover:opacity-40"
        }
      >
        {busy ? "Stop" : "Send"}
      </button>
    </form>
  );
}
