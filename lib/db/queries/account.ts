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

/** Run as the owner: one page of their replies in a bot's conversations, by id after the cursor. */
export async function ownerRepliesPage(
  tx: Queryable,
  { chatbotId, after, limit }: { chatbotId: string; after: string | null; limit: number },
): Promise<{ rows: string[]; next: string | null }> {
  const rows = await tx.query<{ row: string; id: string }>(
    `select to_jsonb(r)::text as row, r.id::text as id from public.owner_replies r
      where r.chatbot_id = $1 and ($2::uuid is null or r.id > $2::uuid)
      order by r.id limit $3`,
    [chatbotId, after, limit],
  );
  const last = rows.at(-1);
  return { rows: rows.map((row) => row.row), next: rows.length === limit && last ? last.id : null };
}

/**
 * Run as the service: every table in public whose chatbot_id refers to public.chatbots, read from
 * the catalogue (so a table added later is covered), each after the tables that refer to it
 * (messages before visitors), as schema-qualified, quoted names.
 */
export async function chatbotScopedTables(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ name: string; oid: number; referenced_by: number[] }>(
    `select format('%I.%I', n.nspname, c.relname) as name, c.oid::int as oid,
            coalesce((select array_agg(r.conrelid::int) from pg_constraint r
                       where r.contype = 'f' and r.confrelid = c.oid and r.conrelid <> c.oid), '{}') as referenced_by
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
      where k.contype = 'f' and k.confrelid = 'public.chatbots'::regclass and n.nspname = 'public'
        and cardinality(k.conkey) = 1 and a.attname = 'chatbot_id'`,
  );
  const ordered: string[] = [];
  const placed = new Set<number>();
  const inSet = new Set(rows.map((row) => row.oid));
  while (ordered.length < rows.length) {
    const ready = rows.filter(
      (row) => !placed.has(row.oid) && row.referenced_by.every((oid) => !inSet.has(oid) || placed.has(oid)),
    );
    // A cycle among these tables would leave none ready: take the rest as they come.
    for (const row of ready.length > 0 ? ready : rows.filter((candidate) => !placed.has(candidate.oid))) {
      placed.add(row.oid);
      ordered.push(row.name);
    }
  }
  return ordered;
}

/**
 * Run as the service: deletes up to `limit` of the user's rows in one chatbot-scoped table (a name
 * from chatbotScopedTables) and answers how many went. By ctid, so tables without an id column
 * work too.
 */
export async function deleteAccountBatch(
  tx: Queryable,
  { userId, table, limit }: { userId: string; table: string; limit: number },
): Promise<number> {
  const rows = await tx.query(
    `delete from ${table} where ctid = any(array(
       select t.ctid from ${table} t
        where t.chatbot_id in (select c.id from public.chatbots c where c.user_id = $1)
        limit $2))
     returning 1`,
    [userId, limit],
  );
  return rows.length;
}

/** Run as the service: the user's row; every table that refers to it goes with it (on delete cascade). */
export async function deleteUser(tx: Queryable, userId: string): Promise<void> {
  await tx.query("delete from auth.users where id = $1", [userId]);
}
