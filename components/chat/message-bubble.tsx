import type { ReactNode } from "react";
import { Markdown } from "./markdown";

interface MessageBubbleProps {
  role: "user" | "assistant" | "owner";
  text: string;
  /** The answer is still being written. */
  streaming?: boolean;
  /** Under an answer: its feedback controls. */
  footer?: ReactNode;
}

/**
 * One message: the visitor's as plain text on the right, the bot's as Markdown on the left, and a
 * reply from the owner, as plain text, marked as theirs.
 */
export function MessageBubble({ role, text, streaming = false, footer }: MessageBubbleProps) {
  if (role === "user") {
    return (
      <li data-testid="chat-message" data-role="user" className="flex justify-end">
        <p className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl rounded-br-md bg-(--accent) px-4 py-2.5 text-(--accent-fg)">
          {text}
        </p>
      </li>
    );
  }
  if (role === "owner") {
    return (
      <li data-testid="chat-message" data-role="owner" className="flex justify-start">
        <div className="max-w-[85%] rounded-2xl rounded-bl-md border border-(--accent)/50 bg-(--accent)/5 px-4 py-2.5 text-zinc-900 dark:text-zinc-100">
          <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-300">Reply from the owner</p>
          <p className="whitespace-pre-wrap break-words">{text}</p>
        </div>
      </li>
    );
  }
  return (
    <li data-testid="chat-message" data-role="assistant" aria-busy={streaming} className="flex justify-start">
      <div className="max-w-[85%] rounded-2xl rounded-bl-md bg-zinc-100 px-4 py-2.5 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">
        {text ? <Markdown text={text} /> : <TypingDots />}
        {streaming && text ? <TypingDots inline /> : null}
        {footer}
      </div>
    </li>
  );
}

/** The bot is writing. */
export function TypingDots({ inline = false }: { inline?: boolean }) {
  return (
    <span
      data-testid="typing"
      role="status"
      className={`${inline ? "mt-1 " : ""}inline-flex items-center gap-1 py-1 text-zinc-500 dark:text-zinc-400`}
    >
      <span className="sr-only">The assistant is typing</span>
      <span aria-hidden="true" className="size-1.5 animate-bounce rounded-full bg-current [animation-delay:-0.3s]" />
      <span aria-hidden="true" className="size-1.5 animate-bounce rounded-full bg-current [animation-delay:-0.15s]" />
      <span aria-hidden="true" className="size-1.5 animate-bounce rounded-full bg-current" />
    </span>
  );
}
