import "server-only";
import type { Queryable } from "@/lib/db";
import type { ListMessagesQuery, Message } from "@/lib/inbox/schemas";
import type { ExportedMessage } from "@/lib/inbox/types";
import { uuidSchema } from "@/lib/validation/common";
import { ownsChatbot } from "./chatbots";
import { cursorKey, page } from "./keyset";
import { isoTimestamp } from "./timestamps";

interface MessageRow {
  id: string;
  chatbot_id: string;
  conversation_id: string;
  message: string;
  response: string | null;
  status: Message["status"];
  outcome: Message["outcome"];
  sources: Message["sources"] | null;
  feedback: Message["feedback"];
  feedback_comment: string | null;
  is_read: boolean;
  created_at: Date | string;
  visitor_row_id: string | null;
  visitor_client_id: string | null;
  visitor_name: string | null;
}

const MESSAGE_COLUMNS = `m.id, m.chatbot_id, m.conversation_id, m.message, m.response, m.status, m.outcome,
  m.sources, m.feedback, m.feedback_comment, m.is_read, m.created_at, v.id as visitor_row_id, v.visitor_id as visitor_client_id, v.name as visitor_name`;
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
    outcome: row.outcome,
    sources: row.sources ?? [],
    feedback: row.feedback,
    feedback_comment: row.feedback_comment,
    is_read: row.is_read,
    created_at: isoTimestamp(row.created_at),
  };
}

/** Run as the owner: a chatbot's messages, newest first; null when the bot isn't theirs. */
export async function listMessages(
  tx: Queryable,
  { chatbotId, limit, cursor, unread, visitor_id }: ListMessagesQuery & { chatbotId: string },
) {
  // Sent together: on PostgreSQL (pipeline mode) the check and the page share one round trip.
  const [owned, rows] = await Promise.all([
    ownsChatbot(tx, chatbotId),
    tx.query<MessageRow & { cursor_key: string }>(
      `select ${MESSAGE_COLUMNS}, ${cursorKey("m.created_at")} ${MESSAGE_FROM}
     where m.chatbot_id = $1 and not m.is_preview
       and ($2::boolean is not true or not m.is_read)
       and ($3::text is null or m.visitor_id in (
             select vf.id from public.visitors vf
              where vf.chatbot_id = $1 and (vf.visitor_id = $3 or vf.id = $7::uuid)))
       and ($4::timestamptz is null or (m.created_at, m.id) < ($4::timestamptz, $5::uuid))
     order by m.created_at desc, m.id desc
     limit $6`,
      [
        chatbotId,
        unread === "true",
        visitor_id ?? null,
        cursor?.at ?? null,
        cursor?.id ?? null,
        limit + 1,
        // The filter names a visitor by the client's id or by the row's: both walk an index.
        visitor_id && uuidSchema.safeParse(visitor_id).success ? visitor_id : null,
      ],
    ),
  ]);
  if (!owned) return null;
  return page(rows, limit, toMessage);
}

/** Run as the owner: marks one of their messages read or unread; null when it isn't theirs. */
export async function setMessageRead(
  tx: Queryable,
  { id, isRead }: { id: string; isRead: boolean },
): Promise<Message | null> {
  const updated = await tx.query("update public.messages set is_read = $2 where id = $1 returning id", [id, isRead]);
  if (updated.length === 0) return null;
  const [row] = await tx.query<MessageRow>(`select ${MESSAGE_COLUMNS} ${MESSAGE_FROM} where m.id = $1`, [id]);
  return toMessage(row);
}

/**
 * Run as the owner: the next batch of a chatbot's turns for an export, oldest first, after the
 * last one of the previous batch (keyset on created_at, id). Previews and refused turns are not
 * part of it. Each batch is its own query in its own short transaction, so no cursor stays open
 * while a slow client downloads.
 */
export async function exportMessagesBatch(
  tx: Queryable,
  params: {
    chatbotId: string;
    from?: Date;
    to?: Date;
    conversationId?: string;
    after?: { at: string; id: string };
    limit: number;
  },
): Promise<{ items: ExportedMessage[]; last: { at: string; id: string } | null }> {
  const rows = await tx.query<Omit<ExportedMessage, "created_at"> & { created_at: Date; cursor_at: string }>(
    `select m.id, m.created_at, m.conversation_id, v.visitor_id, v.name as visitor_name, m.message, m.response,
            m.status, m.outcome, coalesce(m.sources, '[]'::jsonb) as sources, m.is_read, m.latency_ms,
            m.feedback, m.feedback_comment, replies.owner_replies,
            m.created_at::text as cursor_at
     ${MESSAGE_FROM}
     -- Each reply goes with the turn it followed; the next turn is looked up only where replies exist.
     left join lateral (
       select string_agg(r.body, E'\n\n' order by r.created_at) as owner_replies
       from public.owner_replies r
       where r.chatbot_id = m.chatbot_id and r.conversation_id = m.conversation_id and r.created_at >= m.created_at
         and r.created_at < coalesce((
           select n.created_at from public.messages n
           where n.conversation_id = m.conversation_id and n.chatbot_id = m.chatbot_id and n.created_at > m.created_at
             and not n.is_preview and n.status <> 'rate_limited'
           order by n.created_at limit 1), 'infinity')
     ) replies on true
     where m.chatbot_id = $1 and not m.is_preview and m.status <> 'rate_limited'
       and ($2::timestamptz is null or m.created_at >= $2)
       and ($3::timestamptz is null or m.created_at < $3)
       and ($4::uuid is null or m.conversation_id = $4)
       and ($5::timestamptz is null or (m.created_at, m.id) > ($5::timestamptz, $6::uuid))
     order by m.created_at, m.id
     limit $7`,
    [
      params.chatbotId,
      params.from ?? null,
      params.to ?? null,
      params.conversationId ?? null,
      params.after?.at ?? null,
      params.after?.id ?? null,
      params.limit,
    ],
  );
  const last = rows.at(-1);
  return {
    items: rows.map(({ cursor_at: _, created_at, ...row }) => ({ ...row, created_at: isoTimestamp(created_at) })),
    last: last ? { at: last.cursor_at, id: last.id } : null,
  };
}
