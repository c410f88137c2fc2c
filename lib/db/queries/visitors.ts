import "server-only";
import type { VisitorData } from "@/lib/chat/schemas";
import type { FeedbackRating } from "@/lib/constants";
import type { Queryable } from "@/lib/db";
import type { Visitor } from "@/lib/inbox/schemas";
import type { Cursor } from "@/lib/validation/pagination";
import type { PastConversation } from "@/lib/visitors/conversation";
import { ownsChatbot } from "./chatbots";
import { cursorKey, page } from "./keyset";
import { isoTimestamp } from "./timestamps";

interface VisitorRow {
  id: string;
  visitor_id: string;
  name: string | null;
  first_seen: Date | string;
  last_seen: Date | string;
  message_count: number;
  cursor_key: string;
}

/**
 * Run as the owner: who talked to one of their chatbots, most recently seen first; null when it
 * isn't theirs.
 *
 * Ordered by last_seen because "who was here lately" is what an owner wants to see. last_seen
 * moves when a visitor returns, and keyset paging copes with that one way only: such a visitor
 * jumps ahead of the cursor, so a traversal in progress never shows a row twice but may miss
 * one that returned mid-way (the next traversal shows it first). An export that must see every
 * visitor exactly once would page on first_seen, which never changes.
 */
export async function listVisitors(
  tx: Queryable,
  { chatbotId, limit, cursor }: { chatbotId: string; limit: number; cursor?: Cursor },
) {
  if (!(await ownsChatbot(tx, chatbotId))) return null;
  const rows = await tx.query<VisitorRow>(
    `select v.id, v.visitor_id, v.name, v.first_seen, v.last_seen, ${cursorKey("v.last_seen")},
            (select count(*) from public.messages m where m.visitor_id = v.id)::integer as message_count
     from public.visitors v
     where v.chatbot_id = $1
       and ($2::timestamptz is null or (v.last_seen, v.id) < ($2::timestamptz, $3::uuid))
     order by v.last_seen desc, v.id desc
     limit $4`,
    [chatbotId, cursor?.at ?? null, cursor?.id ?? null, limit + 1],
  );
  return page(
    rows,
    limit,
    (row): Visitor => ({
      id: row.id,
      visitor_id: row.visitor_id,
      name: row.name,
      first_seen: isoTimestamp(row.first_seen),
      last_seen: isoTimestamp(row.last_seen),
      message_count: row.message_count,
    }),
  );
}

/**
 * Any role: the name a visitor gave a chatbot and their latest conversation with it, through
 * private.visitor_conversation, for the holder of the visitor cookie's secret (the function
 * derives the visitor id from it, so naming an id is not enough); null for an unknown visitor or
 * a bot the caller may not see.
 */
export async function findVisitorConversation(
  tx: Queryable,
  { chatbotId, visitorSecret }: { chatbotId: string; visitorSecret: string },
): Promise<PastConversation | null> {
  const [{ past }] = await tx.query<{ past: PastConversation | null }>(
    "select private.visitor_conversation($1, $2) as past",
    [chatbotId, visitorSecret],
  );
  return past;
}

/**
 * Any role: the visitor's thumbs (null takes it back) on one of their answers, through
 * private.visitor_feedback, which finds the visitor from the cookie's secret and the bot from the
 * message. False when the message is not an answer to this visitor.
 */
export async function giveFeedback(
  tx: Queryable,
  params: {
    messageId: string;
    visitorSecret: string;
    rating: FeedbackRating | null;
    comment: string | null;
    /** The bot the secret was chosen for (an adopted reply link's holds at that bot only). */
    chatbotId?: string;
  },
): Promise<boolean> {
  const [{ stored }] = await tx.query<{ stored: boolean }>(
    "select private.visitor_feedback($1, $2, $3, $4, $5) as stored",
    [params.messageId, params.visitorSecret, params.rating, params.comment, params.chatbotId ?? null],
  );
  return stored;
}

/** Any role: everything one bot holds about the holder of this secret; null when nothing. */
export async function findVisitorData(
  tx: Queryable,
  { chatbotId, visitorSecret }: { chatbotId: string; visitorSecret: string },
): Promise<VisitorData | null> {
  const [{ data }] = await tx.query<{ data: VisitorData | null }>("select private.visitor_data($1, $2) as data", [
    chatbotId,
    visitorSecret,
  ]);
  if (!data) return null;
  // jsonb spells instants its own way (+00:00, microseconds): the API's are ISO 8601 in UTC.
  return {
    visitor: {
      ...data.visitor,
      first_seen: isoTimestamp(data.visitor.first_seen),
      last_seen: isoTimestamp(data.visitor.last_seen),
    },
    messages: data.messages.map((message) => ({ ...message, created_at: isoTimestamp(message.created_at) })),
    owner_replies: data.owner_replies.map((reply) => ({ ...reply, created_at: isoTimestamp(reply.created_at) })),
  };
}

/** Any role: hard-deletes everything one bot holds about the holder of this secret; how many messages went. */
export async function forgetVisitor(
  tx: Queryable,
  { chatbotId, visitorSecret }: { chatbotId: string; visitorSecret: string },
): Promise<number> {
  const [{ deleted }] = await tx.query<{ deleted: number }>("select private.forget_visitor($1, $2) as deleted", [
    chatbotId,
    visitorSecret,
  ]);
  return deleted;
}

/** As a visitor: whether a reply link's sealed secret is still the one kept for that visitor at the bot. */
export async function isVisitorLinkKept(
  tx: Queryable,
  { chatbotId, visitorSecret, sealed }: { chatbotId: string; visitorSecret: string; sealed: string },
): Promise<boolean> {
  const [{ kept }] = await tx.query<{ kept: boolean }>("select private.visitor_link_kept($1, $2, $3) as kept", [
    chatbotId,
    visitorSecret,
    sealed,
  ]);
  return kept;
}

/** As a visitor: stops every reply link of theirs at the bot, and every browser that followed one. */
export async function revokeVisitorLinks(
  tx: Queryable,
  { chatbotId, visitorSecret }: { chatbotId: string; visitorSecret: string },
): Promise<boolean> {
  const [{ revoked }] = await tx.query<{ revoked: boolean }>("select private.revoke_visitor_links($1, $2) as revoked", [
    chatbotId,
    visitorSecret,
  ]);
  return revoked;
}
