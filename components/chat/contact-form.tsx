"use client";

import { useState } from "react";
import { sendContact } from "./visitor-api";

const FIELD =
  "w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100";

/**
 * "Leave your details": a small form that sends the visitor's name, email and a message to the
 * owner, saying first what happens with them. In the footer it opens from a link; in the
 * conversation (the bot offered it under an answer) it stands open.
 */
export function ContactForm({
  chatbotId,
  botName,
  emailRequired,
  inConversation = false,
}: {
  chatbotId: string;
  botName: string;
  /** The bot asks for an email with the details: the field says so, and the browser checks it. */
  emailRequired: boolean;
  inConversation?: boolean;
}) {
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [problem, setProblem] = useState("");
  if (state === "sent") {
    return (
      <p role="status" data-testid="contact-sent" className="text-xs">
        Sent. The owner of {botName} has your details.
      </p>
    );
  }
  const form = (
    <form
      aria-label="Leave your details"
      className={
        inConversation
          ? "grid w-full max-w-sm gap-2 rounded-2xl border border-zinc-200 bg-white p-3 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          : "absolute right-0 bottom-6 z-10 grid w-72 gap-2 rounded-lg border border-zinc-200 bg-white p-3 text-sm text-zinc-800 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      }
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setState("sending");
        const result = await sendContact({
          chatbot_id: chatbotId,
          name: String(form.get("name") ?? ""),
          email: String(form.get("email") ?? ""),
          message: String(form.get("message") ?? ""),
        });
        setProblem(result === true ? "" : result);
        setState(result === true ? "sent" : "idle");
      }}
    >
      {inConversation && <p className="font-medium">Leave your details</p>}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Only the owner of {botName} sees these, to get back to you. Deleting what this chat holds about you deletes them
        too.
      </p>
      <label className="grid gap-1">
        Name
        <input name="name" required maxLength={200} autoComplete="name" className={FIELD} />
      </label>
      <label className="grid gap-1">
        {emailRequired ? "Email" : "Email (optional)"}
        <input
          name="email"
          type="email"
          required={emailRequired}
          maxLength={320}
          autoComplete="email"
          className={FIELD}
        />
      </label>
      <label className="grid gap-1">
        Message
        <textarea name="message" rows={3} maxLength={2000} className={FIELD} />
      </label>
      {problem && <p role="alert">{problem}</p>}
      <button
        type="submit"
        disabled={state === "sending"}
        className="rounded bg-zinc-900 px-2 py-1.5 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
      >
        {state === "sending" ? "Sending…" : "Send"}
      </button>
    </form>
  );
  if (inConversation) return form;
  return (
    <details data-testid="contact-form" className="relative">
      <summary className="cursor-pointer list-none whitespace-nowrap rounded px-1 hover:text-zinc-800 dark:hover:text-zinc-200">
        Leave your details
      </summary>
      {form}
    </details>
  );
}
