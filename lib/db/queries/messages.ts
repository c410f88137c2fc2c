import "server-only";
import { asOwner, type JwtClaims, type Queryable } from "@/lib/db";
import { isoTimestamp } from "@/lib/validation/common";
import {
  type Cursor,
  encodeCursor,
  type ListMessagesQuery,
  type Message,
  type Visitor,
} from "@/lib/validation/messages";

interface MessageRow {
  id: string;
  chatbot_id: string;
  conversation_id: string;
  message: string;
  response: string | null;
  status: Message["status"];
  is_read: boolean;
  created_at: Date | string;
  visitor_row_id: string | null;
  visitor_client_id: string | null;
  visitor_name: string | null;
}

/** A listed row's keyset position at full precision (see cursorSchema). */
const cursorKey = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint::text as cursor_key`;

const MESSAGE_COLUMNS = `m.id, m.chatbot_id, m.conversation_id, m.message, m.response, m.status, m.is_read,
  m.created_at, v.id as visitor_row_id, v.visitor_id as visitor_client_id, v.name as visitor_name`;
const MESSAGE_FROM = "from public.messages m left join public.visitors v on v.id = m.visitor_id";

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    chatbot_id: row.chatbot_id,
    conversation_id: row.conversation_id,
    visitor: row.visitor_row_id
      ? { id: row.visitor_row_id, visitor_id: row.visitor_client_id ?? "", name: row.visitor_name }
      : null,
    message: row.message,
    response: row.response,
    status: row.status,
    is_read: row.is_read,
    created_at: isoTimestamp(row.created_at),
  };
}

/** RLS hides other owners' bots, so "not mine" and "doesn't exist" are the same answer. */
async function ownsChatbot(tx: Queryable, chatbotId: string): Promise<boolean> {
  const rows = await tx.query("select 1 from public.chatbots where id = $1", [chatbotId]);
  return rows.length > 0;
}

/** One page past the cursor, and the cursor of the next page when there is one. */
function page<Row extends { id: string; cursor_key: string }, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): { items: Item[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toItem),
    next_cursor: rows.length > limit && last ? encodeCursor(last.cursor_key, last.id) : null,
  };
}

/** A chatbot's messages for its owner, newest first; null when the bot isn't theirs. */
export async function listMessages(claims: JwtClaims, chatbotId: string, query: ListMessagesQuery) {
  return asOwner(claims, async (tx) => {
    if (!(await ownsChatbot(tx, chatbotId))) return null;
    const rows = await tx.query<MessageRow & { cursor_key: string }>(
      `select ${MESSAGE_COLUMNS}, ${cursorKey("m.created_at")} ${MESSAGE_FROM}
       where m.chatbot_id = $1
         and ($2::boolean is not true or not m.is_read)
         and ($3::text is null or v.visitor_id = $3 or v.id::text = $3)
         and ($4::timestamptz is null or (m.created_at, m.id) < ($4::timestamptz, $5::uuid))
       order by m.created_at desc, m.id desc
       limit $6`,
      [
        chatbotId,
        query.unread === "true",
        query.visitor_id ?? null,
        query.cursor?.at ?? null,
        query.cursor?.id ?? null,
        query.limit + 1,
      ],
    );
    return page(rows, query.limit, toMessage);
  });
}

/** Marks one of the owner's messages read or unread; null when it isn't theirs. */
export async function setMessageRead(claims: JwtClaims, messageId: string, isRead: boolean): Promise<Message | null> {
  return asOwner(claims, async (tx) => {
    const updated = await tx.query("update public.messages set is_read = $2 where id = $1 returning id", [
      messageId,
      isRead,
    ]);
    if (updated.length === 0) return null;
    const [row] = await tx.query<MessageRow>(`select ${MESSAGE_COLUMNS} ${MESSAGE_FROM} where m.id = $1`, [messageId]);
    return toMessage(row);
  });
}

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
 * Who talked to one of the owner's chatbots, most recently seen first; null when it isn't theirs.
 *
 * Ordered by last_seen because "who was here lately" is what an owner wants to see. last_seen
 * moves when a visitor returns, and keyset paging copes with that one way only: such a visitor
 * jumps ahead of the cursor, so a traversal in progress never shows a row twice but may miss
 * one that returned mid-way (the next traversal shows it first). An export that must see every
 * visitor exactly once would page on first_seen, which never changes.
 */
export async function listVisitors(claims: JwtClaims, chatbotId: string, query: { limit: number; cursor?: Cursor }) {
  return asOwner(claims, async (tx) => {
    if (!(await ownsChatbot(tx, chatbotId))) return null;
    const rows = await tx.query<VisitorRow>(
      `select v.id, v.visitor_id, v.name, v.first_seen, v.last_seen, ${cursorKey("v.last_seen")},
              (select count(*) from public.messages m where m.visitor_id = v.id)::integer as message_count
       from public.visitors v
       where v.chatbot_id = $1
         and ($2::timestamptz is null or (v.last_seen, v.id) < ($2::timestamptz, $3::uuid))
       order by v.last_seen desc, v.id desc
       limit $4`,
      [chatbotId, query.cursor?.at ?? null, query.cursor?.id ?? null, query.limit + 1],
    );
    return page(
      rows,
      query.limit,
      (row): Visitor => ({
        id: row.id,
        visitor_id: row.visitor_id,
        name: row.name,
        first_seen: isoTimestamp(row.first_seen),
        last_seen: isoTimestamp(row.last_seen),
        message_count: row.message_count,
      }),
    );
  });
}
