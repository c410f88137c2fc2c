import { ArrowLeft, Download, ThumbsDown, ThumbsUp } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/dashboard/page-header";
import { BlockControls } from "@/components/inbox/block-controls";
import { MarkUnreadButton, RefreshCountsOnOpen } from "@/components/inbox/conversation-actions";
import { ReplyForm } from "@/components/inbox/reply-form";
import { ImproveAnswer } from "@/components/questions/improve-answer";
import { ButtonLink } from "@/components/ui/button-link";
import { sourceLabel } from "@/lib/answer-sources";
import { requireUser } from "@/lib/auth/server";
import type { ConversationTurn, OwnerReply } from "@/lib/inbox/types";
import { openConversation } from "@/lib/inbox/use-cases/conversations";
import { visitorLabel } from "@/lib/inbox/visitor-label";
import { uuidSchema } from "@/lib/validation/common";
import { cursorSchema } from "@/lib/validation/pagination";

export const metadata: Metadata = { title: "Conversation" };

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const STATUS_NOTE: Record<string, string> = {
  pending: "Still being answered…",
  failed: "The model failed to answer this one; the visitor saw an error.",
  aborted: "The visitor left before the answer was complete.",
};

type ThreadItem = ({ kind: "turn" } & ConversationTurn) | ({ kind: "reply" } & OwnerReply);

/** A page's turns and the owner's replies of the same stretch, in the order they happened. */
function thread(turns: ConversationTurn[], replies: OwnerReply[]): ThreadItem[] {
  const items: ThreadItem[] = [
    ...turns.map((turn) => ({ kind: "turn" as const, ...turn })),
    ...replies.map((reply) => ({ kind: "reply" as const, ...reply })),
  ];
  return items.sort((a, b) => a.created_at.localeCompare(b.created_at));
}

function Feedback({ turn }: { turn: ConversationTurn }) {
  if (!turn.feedback) return null;
  return (
    <p
      data-testid="turn-feedback"
      data-rating={turn.feedback}
      className="mt-1 flex items-start gap-1 text-xs text-zinc-600 dark:text-zinc-400"
    >
      {turn.feedback === "up" ? (
        <ThumbsUp aria-hidden className="size-3.5 shrink-0" />
      ) : (
        <ThumbsDown aria-hidden className="size-3.5 shrink-0" />
      )}
      <span>
        {turn.feedback === "up" ? "The visitor found this helpful" : "The visitor found this unhelpful"}
        {turn.feedback_comment ? `: “${turn.feedback_comment}”` : ""}
      </span>
    </p>
  );
}

// One conversation, its turns in the order they happened (keyset pages of 50) with the owner's
// replies among them; opening it marks it read.
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

  const loaded = await openConversation(user, { id, cursor, markRead: true });
  if (!loaded) notFound();
  const { conversation, turns, replies, blocks } = loaded;
  const visitor = visitorLabel(conversation.visitor);
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
        {thread(turns.items, replies).map((item) =>
          item.kind === "reply" ? (
            <li key={item.id} data-testid="owner-reply" className="grid gap-2">
              <div className="max-w-[85%] justify-self-start rounded-lg border border-indigo-300 bg-indigo-50 px-3 py-2 text-sm text-zinc-900 wrap-anywhere whitespace-pre-wrap dark:border-indigo-800 dark:bg-indigo-950 dark:text-zinc-100">
                <p className="mb-1 text-xs font-medium text-indigo-700 dark:text-indigo-300">Your reply</p>
                {item.body}
              </div>
              <time dateTime={item.created_at} className="justify-self-start text-xs text-zinc-600 dark:text-zinc-400">
                {timeFormat.format(new Date(item.created_at))} UTC
              </time>
            </li>
          ) : (
            <li key={item.id} className="grid gap-2">
              <div className="max-w-[85%] justify-self-end rounded-lg bg-indigo-600 px-3 py-2 text-sm text-white wrap-anywhere whitespace-pre-wrap">
                <span className="sr-only">{visitor}: </span>
                {item.message}
              </div>
              <div className="max-w-[85%] justify-self-start rounded-lg bg-zinc-100 px-3 py-2 text-sm text-zinc-900 wrap-anywhere whitespace-pre-wrap dark:bg-zinc-800 dark:text-zinc-100">
                <span className="sr-only">{conversation.chatbot_name}: </span>
                {item.response || <em>No answer</em>}
                {STATUS_NOTE[item.status] ? (
                  <p className="mt-1 text-xs text-red-700 dark:text-red-300">{STATUS_NOTE[item.status]}</p>
                ) : null}
                {item.sources.length > 0 ? (
                  <p data-testid="answer-sources" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                    from: {item.sources.map(sourceLabel).join(", ")}
                  </p>
                ) : null}
                <Feedback turn={item} />
                {item.status === "answered" ? <ImproveAnswer messageId={item.id} question={item.message} /> : null}
              </div>
              <time dateTime={item.created_at} className="justify-self-end text-xs text-zinc-600 dark:text-zinc-400">
                {timeFormat.format(new Date(item.created_at))} UTC
              </time>
            </li>
          ),
        )}
      </ol>
      {turns.next_cursor ? null : <ReplyForm conversation={conversation.id} visitor={visitor} />}
      {conversation.visitor ? <BlockControls conversation={conversation.id} blocks={blocks} /> : null}
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
