import "server-only";
import type { Queryable } from "@/lib/db";

// An owner's whole account: what "download all my data" reads and "delete my account" removes.

/** Run as the owner: their chatbots' ids (RLS limits them), in a stable order. */
export async function ownChatbotIds(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ id: string }>("select id from public.chatbots order by created_at, id");
  return rows.map((row) => row.id);
}

/** Run as the owner: their profile and chatbots as stored, each row one JSON object. */
export async function ownProfileAndChatbots(tx: Queryable): Promise<{ profile: unknown; chatbots: unknown[] }> {
  const profiles = await tx.query<{ row: unknown }>("select to_jsonb(p) as row from public.profiles p limit 1");
  const chatbots = await tx.query<{ row: unknown }>(
    "select to_jsonb(c) as row from public.chatbots c order by c.created_at, c.id",
  );
  return { profile: profiles[0]?.row ?? null, chatbots: chatbots.map((entry) => entry.row) };
}

export interface PageCursor {
  created_at: string;
  id: string;
}

/**
 * Run as the owner: one page of a bot's messages, oldest first after the cursor (keyset, served by
 * the inbox index read backwards). Rows are JSON text, written to the file as they are.
 */
export async function messagesPage(
  tx: Queryable,
  { chatbotId, after, limit }: { chatbotId: string; after: PageCursor | null; limit: number },
): Promise<{ rows: string[]; next: PageCursor | null }> {
  const rows = await tx.query<{ row: string; created_at: string; id: string }>(
    `select to_jsonb(m)::text as row, to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at, m.id::text as id
       from public.messages m
      where m.chatbot_id = $1 and ($2::timestamptz is null or (m.created_at, m.id) > ($2::timestamptz, $3::uuid))
      order by m.created_at, m.id
      limit $4`,
    [chatbotId, after?.created_at ?? null, after?.id ?? null, limit],
  );
  const last = rows.at(-1);
  return {
    rows: rows.map((row) => row.row),
    next: rows.length === limit && last ? { created_at: last.created_at, id: last.id } : null,
  };
}

/** Run as the owner: one page of a bot's visitors, by id after the cursor. */
export async function visitorsPage(
  tx: Queryable,
  { chatbotId, after, limit }: { chatbotId: string; after: string | null; limit: number },
): Promise<{ rows: string[]; next: string | null }> {
  const rows = await tx.query<{ row: string; id: string }>(
    `select to_jsonb(v)::text as row, v.id::text as id from public.visitors v
      where v.chatbot_id = $1 and ($2::uuid is null or v.id > $2::uuid)
      order by v.id limit $3`,
    [chatbotId, after, limit],
  );
  const last = rows.at(-1);
  return { rows: rows.map((row) => row.row), next: rows.length === limit && last ? last.id : null };
}

/**
 * Run as the service: deletes up to `limit` rows of the user's largest tables (messages, then
 * visitors) and answers how many went; 0 means only the small rows are left, which deleting the
 * auth.users row then removes by cascade.
 */
export async function deleteAccountBatch(tx: Queryable, { userId, limit }: { userId: string; limit: number }) {
  for (const table of ["messages", "visitors"] as const) {
    const rows = await tx.query(
      `delete from public.${table} where id in (
         select t.id from public.${table} t
          where t.chatbot_id in (select c.id from public.chatbots c where c.user_id = $1)
          limit $2)
       returning 1`,
      [userId, limit],
    );
    if (rows.length > 0) return rows.length;
  }
  return 0;
}

/** Run as the service: the user's row; every table that refers to it goes with it (on delete cascade). */
export async function deleteUser(tx: Queryable, userId: string): Promise<void> {
  await tx.query("delete from auth.users where id = $1", [userId]);
}
