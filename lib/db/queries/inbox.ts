import "server-only";
import type { AnswerSource } from "@/lib/constants";
import type { Queryable } from "@/lib/db";
import type { InboxFilters } from "@/lib/inbox/schemas";
import type { ConversationSummary, ConversationTurn, OwnerReply } from "@/lib/inbox/types";
import type { Cursor } from "@/lib/validation/pagination";
import { cursorKey, page } from "./keyset";
import { isoTimestamp } from "./timestamps";

// The dashboard's inbox. Lists read public.conversations (one row per conversation, kept by a
// trigger on messages) under the owner's RLS, never groups the messages table at read time.

interface ConversationRow {
  id: string;
  chatbot_id: string;
  chatbot_name: string;
  conversation_id: string;
  visitor_row_id: string | null;
  visitor_client_id: string | null;
  visitor_name: string | null;
  started_at: Date;
  last_message_at: Date;
  last_message: string;
  message_count: number;
  unread_count: number;
  failed_count: number;
}

const CONVERSATION_COLUMNS = `cv.id, cv.chatbot_id, c.name as chatbot_name, cv.conversation_id,
  v.id as visitor_row_id, v.visitor_id as visitor_client_id, v.name as visitor_name, cv.started_at,
  cv.last_message_at, cv.last_message, cv.message_count, cv.unread_count, cv.failed_count`;
const CONVERSATION_FROM = `from public.conversations cv
  join public.chatbots c on c.id = cv.chatbot_id
  left join public.visitors v on v.id = cv.visitor_id`;

function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    chatbot_id: row.chatbot_id,
    chatbot_name: row.chatbot_name,
    conversation_id: row.conversation_id,
    visitor: row.visitor_row_id
      ? { id: row.visitor_row_id, visitor_id: row.visitor_client_id ?? "", name: row.visitor_name }
      : null,
    started_at: isoTimestamp(row.started_at),
    last_message_at: isoTimestamp(row.last_message_at),
    last_message: row.last_message,
    message_count: row.message_count,
    unread_count: row.unread_count,
    failed_count: row.failed_count,
  };
}

/** A UTC day (YYYY-MM-DD) as the instant it starts, or, for an inclusive end, the next day's start. */
export function dayStart(day: string, inclusiveEnd = false): Date {
  const start = new Date(`${day}T00:00:00Z`);
  if (inclusiveEnd) start.setUTCDate(start.getUTCDate() + 1);
  return start;
}

/**
 * A full-text query from what the owner typed: each word (letters and digits only, so nothing
 * reaches to_tsquery's syntax) as a prefix, all required. Null when nothing searchable is left.
 */
export function searchQuery(text: string): string | null {
  const words =
    text
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? [];
  return words.length > 0 ? words.map((word) => `${word}:*`).join(" & ") : null;
}

/**
 * Matches past which a search walks conversations newest-first instead of gathering every match:
 * at this count gathering costs tens of milliseconds, and a walk finds a page quickly when about
 * one conversation in a few matches.
 */
const COMMON_SEARCH_MATCHES = 2_000;

async function isCommonSearch(tx: Queryable, query: string, chatbotId: string | null): Promise<boolean> {
  const [row] = await tx.query<{ matches: number }>(
    "select private.search_match_count(to_tsquery('simple', $1), $2, $3) as matches",
    [query, chatbotId, COMMON_SEARCH_MATCHES],
  );
  return row.matches >= COMMON_SEARCH_MATCHES;
}

/** Run as the owner: one page of their conversations, newest activity first, filtered. */
export async function listConversations(
  tx: Queryable,
  filters: Omit<InboxFilters, "cursor" | "unread"> & { unread?: "true" | "false"; cursor?: Cursor; limit: number },
) {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // Clauses only for the filters given, so each combination gets a plan of its own.
  if (filters.bot) where.push(`cv.chatbot_id = ${param(filters.bot)}`);
  if (filters.unread === "true") where.push("cv.unread_count > 0");
  if (filters.unread === "false") where.push("cv.unread_count = 0");
  if (filters.status === "failed") where.push("cv.failed_count > 0");
  if (filters.status === "answered") where.push("cv.failed_count = 0");
  if (filters.from) where.push(`cv.last_message_at >= ${param(dayStart(filters.from))}`);
  if (filters.to) where.push(`cv.last_message_at < ${param(dayStart(filters.to, true))}`);
  const query = filters.q ? searchQuery(filters.q) : null;
  if (query && (await isCommonSearch(tx, query, filters.bot ?? null))) {
    // A common word: the newest conversations, each checked, find a page after a few dozen.
    where.push(
      `private.conversation_matches(cv.chatbot_id, cv.conversation_id, to_tsquery('simple', ${param(query)}))`,
    );
  } else if (query) {
    // A rare word, through a security-definer function: under RLS the GIN index can't serve @@
    // (see its migration), and the few matches are gathered first.
    where.push(`(cv.chatbot_id, cv.conversation_id) in (
      select s.chatbot_id, s.conversation_id
      from private.search_conversations(to_tsquery('simple', ${param(query)}), ${param(filters.bot ?? null)}::uuid) s)`);
  }
  if (filters.cursor) {
    where.push(
      `(cv.last_message_at, cv.id) < (${param(filters.cursor.at)}::timestamptz, ${param(filters.cursor.id)}::uuid)`,
    );
  }
  const rows = await tx.query<ConversationRow & { cursor_key: string }>(
    `select ${CONVERSATION_COLUMNS}, ${cursorKey("cv.last_message_at")} ${CONVERSATION_FROM}
     ${where.length > 0 ? `where ${where.join(" and ")}` : ""}
     order by cv.last_message_at desc, cv.id desc
     limit ${param(filters.limit + 1)}`,
    params,
  );
  return page(rows, filters.limit, toSummary);
}

/** Run as the owner: one of their conversations, or null when it isn't theirs. */
export async function getConversation(tx: Queryable, id: string): Promise<ConversationSummary | null> {
  const [row] = await tx.query<ConversationRow>(
    `select ${CONVERSATION_COLUMNS} ${CONVERSATION_FROM} where cv.id = $1`,
    [id],
  );
  return row ? toSummary(row) : null;
}

/** Run as the owner: a conversation's turns in the order they happened, one page after the cursor. */
export async function listConversationTurns(
  tx: Queryable,
  { id, cursor, limit }: { id: string; cursor?: Cursor; limit: number },
) {
  const rows = await tx.query<
    Omit<ConversationTurn, "created_at" | "sources"> & {
      created_at: Date;
      sources: AnswerSource[] | null;
      cursor_key: string;
    }
  >(
    `select m.id, m.message, m.response, m.status, m.is_read, m.created_at, m.sources, m.feedback,
            m.feedback_comment, ${cursorKey("m.created_at")}
     from public.conversations cv
     join public.messages m on m.chatbot_id = cv.chatbot_id and m.conversation_id = cv.conversation_id
     where cv.id = $1 and not m.is_preview and m.status <> 'rate_limited'
       and ($2::timestamptz is null or (m.created_at, m.id) > ($2::timestamptz, $3::uuid))
     order by m.created_at, m.id
     limit $4`,
    [id, cursor?.at ?? null, cursor?.id ?? null, limit + 1],
  );
  return page(rows, limit, (row) => ({
    id: row.id,
    message: row.message,
    response: row.response,
    status: row.status,
    is_read: row.is_read,
    created_at: isoTimestamp(row.created_at),
    sources: row.sources ?? [],
    feedback: row.feedback,
    feedback_comment: row.feedback_comment,
  }));
}

/**
 * Run as the owner: their replies in one of their conversations written after `after` (exclusive)
 * up to `until` (inclusive), oldest first; a page of turns shows the replies of its own stretch.
 */
export async function listConversationReplies(
  tx: Queryable,
  { id, after, until }: { id: string; after?: string; until?: string },
): Promise<OwnerReply[]> {
  const rows = await tx.query<{ id: string; body: string; created_at: Date }>(
    `select r.id, r.body, r.created_at
     from public.conversations cv
     join public.owner_replies r on r.chatbot_id = cv.chatbot_id and r.conversation_id = cv.conversation_id
     where cv.id = $1 and ($2::timestamptz is null or r.created_at > $2) and ($3::timestamptz is null or r.created_at <= $3)
     order by r.created_at, r.id`,
    [id, after ?? null, until ?? null],
  );
  return rows.map((row) => ({ ...row, created_at: isoTimestamp(row.created_at) }));
}

/**
 * Run as the owner: their reply in one of their conversations (the inbox's id), through
 * private.add_owner_reply, which checks the conversation's bot is theirs; null when it isn't.
 */
export async function addOwnerReply(
  tx: Queryable,
  { conversation, body }: { conversation: string; body: string },
): Promise<OwnerReply | null> {
  const [{ reply }] = await tx.query<{ reply: OwnerReply | null }>("select private.add_owner_reply($1, $2) as reply", [
    conversation,
    body,
  ]);
  return reply ? { ...reply, created_at: isoTimestamp(reply.created_at) } : null;
}

/**
 * Run as the owner: marks every turn of the given conversations read or unread. Answers how many
 * of the ids are the owner's (RLS hides the rest), so a caller can refuse a partly foreign list.
 */
export async function setConversationsRead(
  tx: Queryable,
  { ids, isRead }: { ids: string[]; isRead: boolean },
): Promise<number> {
  const [{ count }] = await tx.query<{ count: number }>(
    "select count(*)::integer as count from public.conversations where id = any($1::uuid[])",
    [ids],
  );
  if (count !== new Set(ids).size) return count;
  await tx.query(
    `update public.messages m set is_read = $2
     from public.conversations cv
     where cv.id = any($1::uuid[]) and m.chatbot_id = cv.chatbot_id and m.conversation_id = cv.conversation_id
       and m.is_read <> $2 and not m.is_preview and m.status <> 'rate_limited'`,
    [ids, isRead],
  );
  return count;
}

/** Run as the owner: the latest change to any of their conversations (what the inbox polls). */
export async function latestInboxChange(tx: Queryable): Promise<string | null> {
  const [row] = await tx.query<{ updated_at: Date }>(
    "select cv.updated_at from public.conversations cv order by cv.updated_at desc limit 1",
  );
  return row ? isoTimestamp(row.updated_at) : null;
}

/** Run as the owner: unread turns across their bots, from the per-day rollup (a few rows per bot). */
export async function countUnread(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ unread: number }>(
    "select coalesce(sum(d.unread), 0)::integer as unread from public.chatbot_daily_stats d",
  );
  return row.unread;
}
