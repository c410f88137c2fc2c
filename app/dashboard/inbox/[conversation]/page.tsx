import { ArrowLeft, Download } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { MarkUnreadButton, RefreshCountsOnOpen } from "@/components/inbox/conversation-actions";
import { ButtonLink } from "@/components/ui/button-link";
import { sourceLabel } from "@/lib/answer-sources";
import { requireUser } from "@/lib/auth/server";
import { asOwner } from "@/lib/db";
import { getConversation, listConversationTurns, setConversationsRead } from "@/lib/db/queries/inbox";
import { uuidSchema } from "@/lib/validation/common";
import { cursorSchema } from "@/lib/validation/messages";

export const metadata: Metadata = { title: "Conversation" };

const PAGE_SIZE = 50;
const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const STATUS_NOTE: Record<string, string> = {
  pending: "Still being answered…",
  failed: "The model failed to answer this one; the visitor saw an error.",
  aborted: "The visitor left before the answer was complete.",
};

// One conversation, its turns in the order they happened (keyset pages of 50); opening it marks it read.
export default async function ConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ conversation: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { conversation: id } = await params;
  const user = await requireUser("/dashboard/inbox");
  if (!uuidSchema.safeParse(id).success) notFound();
  const after = cursorSchema.safeParse((await searchParams).after);
  const cursor = after.success ? after.data : undefined;

  const loaded = await asOwner(user.claims, async (tx) => {
    const conversation = await getConversation(tx, id);
    if (!conversation) return null;
    // Reading it is opening it: mark its turns read in the same transaction.
    if (conversation.unread_count > 0) await setConversationsRead(tx, { ids: [id], isRead: true });
    return { conversation, turns: await listConversationTurns(tx, { id, cursor, limit: PAGE_SIZE }) };
  });
  if (!loaded) notFound();
  const { conversation, turns } = loaded;
  const visitor =
    conversation.visitor?.name ??
    (conversation.visitor ? `Visitor ${conversation.visitor.visitor_id.slice(0, 8)}` : "Owner (API)");
  const exportQuery = new URLSearchParams({ format: "csv", conversation_id: conversation.conversation_id });

  return (
    <>
      <RefreshCountsOnOpen markedRead={conversation.unread_count > 0} />
      <ButtonLink variant="link" href="/dashboard/inbox" className="mb-2 px-0">
        <ArrowLeft aria-hidden />
        Inbox
      </ButtonLink>
      <PageHeader
        title={`Conversation with ${visitor}`}
        description={`${conversation.chatbot_name} · ${conversation.message_count} ${conversation.message_count === 1 ? "message" : "messages"} · started ${timeFormat.format(new Date(conversation.started_at))} UTC`}
        actions={
          <>
            <MarkUnreadButton id={conversation.id} />
            <ButtonLink
              variant="secondary"
              href={`/api/chatbots/${conversation.chatbot_id}/messages/export?${exportQuery}`}
              prefetch={false}
              download
            >
              <Download aria-hidden />
              Export CSV
            </ButtonLink>
          </>
        }
      />
      <ol className="grid gap-4">
        {turns.items.map((turn) => (
          <li key={turn.id} className="grid gap-2">
            <div className="max-w-[85%] justify-self-end rounded-lg bg-indigo-600 px-3 py-2 text-sm text-white wrap-anywhere whitespace-pre-wrap">
              <span className="sr-only">{visitor}: </span>
              {turn.message}
            </div>
            <div className="max-w-[85%] justify-self-start rounded-lg bg-zinc-100 px-3 py-2 text-sm text-zinc-900 wrap-anywhere whitespace-pre-wrap dark:bg-zinc-800 dark:text-zinc-100">
              <span className="sr-only">{conversation.chatbot_name}: </span>
              {turn.response || <em>No answer</em>}
              {STATUS_NOTE[turn.status] ? (
                <p className="mt-1 text-xs text-red-700 dark:text-red-300">{STATUS_NOTE[turn.status]}</p>
              ) : null}
              {turn.sources.length > 0 ? (
                <p data-testid="answer-sources" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                  from: {turn.sources.map(sourceLabel).join(", ")}
                </p>
              ) : null}
            </div>
            <time dateTime={turn.created_at} className="justify-self-end text-xs text-zinc-600 dark:text-zinc-400">
              {timeFormat.format(new Date(turn.created_at))} UTC
            </time>
          </li>
        ))}
      </ol>
      <nav aria-label="Pages" className="mt-6 flex justify-between">
        {cursor ? (
          <ButtonLink variant="ghost" href={`/dashboard/inbox/${id}`} prefetch={false}>
            From the start
          </ButtonLink>
        ) : (
          <span />
        )}
        {turns.next_cursor ? (
          <ButtonLink variant="secondary" href={`/dashboard/inbox/${id}?after=${turns.next_cursor}`} prefetch={false}>
            Later messages
          </ButtonLink>
        ) : null}
      </nav>
    </>
  );
}
