"use client";

import { Circle, MailCheck, MailOpen } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { idleFormState } from "@/lib/http/form-state";
import { markConversationsAction } from "@/lib/inbox/actions";

/** What the list shows of a conversation (ConversationSummary, trimmed to what the browser needs). */
export interface InboxItem {
  id: string;
  chatbotName: string;
  visitorName: string;
  lastMessage: string;
  lastMessageAt: string;
  messageCount: number;
  unreadCount: number;
  failedCount: number;
}

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * The inbox's conversations, with read/unread for one or a selection. The change shows at once
 * (useOptimistic) while the server action runs; a refusal puts it back and says so in a toast.
 */
export function InboxList({ items, showBot }: { items: InboxItem[]; showBot: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [optimistic, setRead] = useOptimistic(items, (current, change: { ids: string[]; isRead: boolean }) =>
    current.map((item) =>
      change.ids.includes(item.id)
        ? { ...item, unreadCount: change.isRead ? 0 : Math.max(item.unreadCount, item.messageCount) }
        : item,
    ),
  );

  const mark = (ids: string[], isRead: boolean) =>
    startTransition(async () => {
      setRead({ ids, isRead });
      const state = await markConversationsAction(idleFormState, { ids, is_read: isRead });
      if (state.status === "error") {
        toast.error("Couldn't update the conversations", { description: state.message });
        return;
      }
      setSelected(new Set());
      toast.success(
        `Marked ${ids.length === 1 ? "conversation" : `${ids.length} conversations`} ${isRead ? "read" : "unread"}`,
      );
      router.refresh();
    });

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allSelected = selected.size > 0 && selected.size === items.length;

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={allSelected}
            onChange={(event) => setSelected(event.target.checked ? new Set(items.map((item) => item.id)) : new Set())}
          />
          Select all
        </label>
        <Button
          size="sm"
          variant="secondary"
          disabled={selected.size === 0}
          loading={pending}
          onClick={() => mark([...selected], true)}
        >
          <MailCheck aria-hidden />
          Mark read
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={selected.size === 0}
          loading={pending}
          onClick={() => mark([...selected], false)}
        >
          <MailOpen aria-hidden />
          Mark unread
        </Button>
        <span className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {selected.size > 0 ? `${selected.size} selected` : ""}
        </span>
      </div>
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {optimistic.map((item) => {
          const unread = item.unreadCount > 0;
          return (
            <li key={item.id} className="flex items-start gap-3 p-3 sm:p-4" data-unread={unread || undefined}>
              <input
                type="checkbox"
                className="mt-1 size-4 shrink-0"
                aria-label={`Select the conversation with ${item.visitorName}`}
                checked={selected.has(item.id)}
                onChange={(event) => toggle(item.id, event.target.checked)}
              />
              <div className="grid min-w-0 flex-1 gap-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  {unread ? (
                    <Circle
                      aria-hidden
                      className="size-2.5 fill-indigo-600 text-indigo-600 dark:fill-indigo-400 dark:text-indigo-400"
                    />
                  ) : null}
                  {/* prefetch off: opening a conversation marks it read, which a prefetch must not do. */}
                  <Link
                    href={`/dashboard/inbox/${item.id}`}
                    prefetch={false}
                    className={`truncate hover:underline ${unread ? "font-semibold" : "font-medium"}`}
                  >
                    {item.visitorName}
                    {unread ? <span className="sr-only"> (unread)</span> : null}
                  </Link>
                  {showBot ? (
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">{item.chatbotName}</span>
                  ) : null}
                  {item.failedCount > 0 ? (
                    <span className="rounded-full bg-red-100 px-2 text-xs text-red-800 dark:bg-red-500/20 dark:text-red-200">
                      {item.failedCount} failed
                    </span>
                  ) : null}
                  <time
                    dateTime={item.lastMessageAt}
                    className="ml-auto text-xs text-zinc-600 tabular-nums dark:text-zinc-400"
                  >
                    {timeFormat.format(new Date(item.lastMessageAt))} UTC
                  </time>
                </div>
                <p className="truncate text-sm text-zinc-700 dark:text-zinc-300">{item.lastMessage}</p>
                <div className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-400">
                  <span>
                    {item.messageCount} {item.messageCount === 1 ? "message" : "messages"}
                    {unread ? `, ${item.unreadCount} unread` : ""}
                  </span>
                  <button
                    type="button"
                    className="ml-auto rounded underline-offset-2 hover:underline"
                    onClick={() => mark([item.id], unread)}
                    disabled={pending}
                  >
                    {unread ? "Mark read" : "Mark unread"}
                    <span className="sr-only"> (conversation with {item.visitorName})</span>
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
