"use client";

import { useState } from "react";
import { revokeReplyLinks, visitorDataUrl } from "./visitor-api";

interface ChatMenuProps {
  chatbotId: string;
  /** Erases the visitor's data; false when that failed. */
  onDelete: () => Promise<boolean>;
}

const ITEM = "block w-full rounded px-2 py-1.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800";

/**
 * The visitor's own data: a copy to keep, the links in their reply emails stopped (a forwarded
 * email, a shared computer), or all of it gone (asked twice, since it can't be undone).
 */
export function ChatMenu({ chatbotId, onDelete }: ChatMenuProps) {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState("");
  return (
    <details data-testid="chat-menu" className="relative" onToggle={() => setConfirming(false)}>
      <summary className="cursor-pointer list-none whitespace-nowrap rounded px-1 hover:text-zinc-800 dark:hover:text-zinc-200">
        Your data
      </summary>
      <div className="absolute right-0 bottom-6 z-10 w-64 space-y-1 rounded-lg border border-zinc-200 bg-white p-2 text-sm text-zinc-800 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
        <a data-testid="download-data" href={visitorDataUrl(chatbotId)} download className={ITEM}>
          Download my conversation (JSON)
        </a>
        <button
          type="button"
          data-testid="revoke-links"
          onClick={async () =>
            setNote(
              (await revokeReplyLinks(chatbotId))
                ? "Links in your reply emails no longer open this chat anywhere else."
                : "Couldn't stop your email links. Try again.",
            )
          }
          className={ITEM}
        >
          Stop my email links
        </button>
        {confirming ? (
          <div className="space-y-1 p-1">
            <p>Delete your messages, the answers, replies and feedback for this chat? This can't be undone.</p>
            <button
              type="button"
              data-testid="confirm-delete-data"
              onClick={async () => {
                setNote((await onDelete()) ? "" : "Couldn't delete your data. Try again.");
                setConfirming(false);
              }}
              className="w-full rounded bg-red-600 px-2 py-1.5 font-medium text-white hover:bg-red-700"
            >
              Delete everything
            </button>
          </div>
        ) : (
          <button type="button" data-testid="delete-data" onClick={() => setConfirming(true)} className={ITEM}>
            Delete my data
          </button>
        )}
        {note && <p role="alert">{note}</p>}
      </div>
    </details>
  );
}
