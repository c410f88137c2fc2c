import { Download, Inbox, Search } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { type InboxItem, InboxList } from "@/components/inbox/inbox-list";
import { InboxPoller } from "@/components/inbox/inbox-poller";
import { ButtonLink } from "@/components/ui/button-link";
import { controlClasses } from "@/components/ui/control-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/server";
import { type InboxFilters, inboxFiltersSchema } from "@/lib/inbox/schemas";
import { listInbox } from "@/lib/inbox/use-cases/conversations";
import { visitorLabel } from "@/lib/inbox/visitor-label";

export const metadata: Metadata = { title: "Inbox" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The filters as a query string, with `cursor` replaced (or dropped). */
function hrefWith(raw: Record<string, string>, cursor?: string): string {
  const params = new URLSearchParams(raw);
  params.delete("cursor");
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/dashboard/inbox?${query}` : "/dashboard/inbox";
}

function exportHref(bot: string, filters: InboxFilters, format: "csv" | "json"): string {
  const params = new URLSearchParams({ format });
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  return `/api/chatbots/${bot}/messages/export?${params}`;
}

// Every bot's conversations, newest activity first, filtered by the search params; refused turns
// only as counts per bot and day (listInbox).
export default async function InboxPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/dashboard/inbox");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  );
  const parsed = inboxFiltersSchema.safeParse(raw);
  const filters: InboxFilters = parsed.success ? parsed.data : {};
  const { chatbots, conversations, latest, refusals } = await listInbox(user, filters);
  const botName = new Map(chatbots.map((bot) => [bot.id, bot.name]));
  const exportBot = filters.bot ?? (chatbots.length === 1 ? chatbots[0].id : undefined);
  const filtered = Boolean(filters.bot || filters.unread || filters.status || filters.from || filters.to || filters.q);
  const items: InboxItem[] = conversations.items.map((item) => ({
    id: item.id,
    chatbotName: item.chatbot_name,
    visitorName: visitorLabel(item.visitor),
    lastMessage: item.last_message,
    lastMessageAt: item.last_message_at,
    messageCount: item.message_count,
    unreadCount: item.unread_count,
    failedCount: item.failed_count,
  }));

  return (
    <>
      <PageHeader
        title="Inbox"
        description="What visitors asked your chatbots, newest first. New messages appear here on their own."
        actions={
          exportBot ? (
            <>
              <ButtonLink variant="secondary" href={exportHref(exportBot, filters, "csv")} prefetch={false} download>
                <Download aria-hidden />
                Export CSV
              </ButtonLink>
              <ButtonLink variant="ghost" href={exportHref(exportBot, filters, "json")} prefetch={false} download>
                JSON
              </ButtonLink>
            </>
          ) : null
        }
      />
      <InboxPoller since={latest} />
      <search aria-label="Filter conversations">
        <form method="get" action="/dashboard/inbox" className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <label className="grid gap-1 text-sm font-medium sm:col-span-2 lg:col-span-3">
            Search messages and answers
            <span className="relative">
              <Search aria-hidden className="pointer-events-none absolute top-2.5 left-3 size-4 text-zinc-500" />
              <input name="q" type="search" defaultValue={filters.q ?? ""} className={`${controlClasses} h-9 pl-9`} />
            </span>
          </label>
          <label className="grid gap-1 text-sm font-medium">
            Chatbot
            <select name="bot" defaultValue={filters.bot ?? ""} className={`${controlClasses} h-9`}>
              <option value="">All chatbots</option>
              {chatbots.map((bot) => (
                <option key={bot.id} value={bot.id}>
                  {bot.name}
                </option>
              ))}
            </select>
          </label>
          <label className="grid gap-1 text-sm font-medium">
            Status
            <select name="status" defaultValue={filters.status ?? ""} className={`${controlClasses} h-9`}>
              <option value="">Any</option>
              <option value="answered">All answered</option>
              <option value="failed">Has a failed answer</option>
            </select>
          </label>
          <label className="flex items-center gap-2 self-end text-sm font-medium sm:h-9">
            <input
              type="checkbox"
              name="unread"
              value="true"
              defaultChecked={filters.unread === "true"}
              className="size-4"
            />
            Unread only
          </label>
          <label className="grid gap-1 text-sm font-medium">
            From (UTC)
            <input type="date" name="from" defaultValue={filters.from ?? ""} className={`${controlClasses} h-9`} />
          </label>
          <label className="grid gap-1 text-sm font-medium">
            To (UTC)
            <input type="date" name="to" defaultValue={filters.to ?? ""} className={`${controlClasses} h-9`} />
          </label>
          <div className="flex items-end gap-2">
            <button
              type="submit"
              className="h-9 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
            >
              Apply filters
            </button>
            {filtered ? (
              <ButtonLink variant="ghost" href="/dashboard/inbox">
                Clear
              </ButtonLink>
            ) : null}
          </div>
          {!parsed.success ? (
            <p role="alert" className="text-sm text-red-700 sm:col-span-2 lg:col-span-3 dark:text-red-400">
              Some filters were not understood and are ignored:{" "}
              {parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}
            </p>
          ) : null}
        </form>
      </search>

      {refusals.length > 0 ? (
        <section
          aria-labelledby="refusals-heading"
          className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-500/40 dark:bg-amber-500/10"
        >
          <h2 id="refusals-heading" className="font-semibold">
            Refused by the rate limit: {refusals.reduce((sum, row) => sum + row.count, 0)} turns
          </h2>
          <p className="mb-2 text-zinc-700 dark:text-zinc-300">
            Visitors who sent too much too fast were turned away before the bot answered; these are counts, not
            conversations.
          </p>
          <ul className="grid gap-0.5">
            {refusals.map((row) => (
              <li key={`${row.chatbotId}-${row.day}`}>
                {row.day}: {row.count} refused
                {chatbots.length > 1 ? ` on ${botName.get(row.chatbotId) ?? "a chatbot"}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {items.length === 0 ? (
        <EmptyState
          icon={Inbox}
          title={filtered || filters.cursor ? "No conversations match" : "No conversations yet"}
          description={
            filtered || filters.cursor
              ? "Nothing matches these filters. Clear them to see every conversation."
              : chatbots.length === 0
                ? "Create a chatbot and share its page: what visitors ask it shows up here."
                : "Share your chatbot's public page: what visitors ask it shows up here, and this page updates on its own."
          }
          action={
            filtered ? (
              <ButtonLink variant="secondary" href="/dashboard/inbox">
                Clear filters
              </ButtonLink>
            ) : chatbots.length === 0 ? (
              <ButtonLink href="/dashboard/chatbots/new">Create a chatbot</ButtonLink>
            ) : null
          }
        />
      ) : (
        <InboxList items={items} showBot={chatbots.length > 1 && !filters.bot} />
      )}

      <nav aria-label="Pages" className="mt-4 flex justify-between gap-2">
        {filters.cursor ? (
          <ButtonLink variant="ghost" href={hrefWith(raw)}>
            Newest
          </ButtonLink>
        ) : (
          <span />
        )}
        {conversations.next_cursor ? (
          <ButtonLink variant="secondary" href={hrefWith(raw, conversations.next_cursor)}>
            Older conversations
          </ButtonLink>
        ) : null}
      </nav>
      {exportBot ? (
        <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
          <a className="underline underline-offset-2" href={`/dashboard/chatbots/${exportBot}/analytics`}>
            Analytics for {botName.get(exportBot)}
          </a>
        </p>
      ) : null}
    </>
  );
}
