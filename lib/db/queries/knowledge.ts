import "server-only";
import type { Queryable } from "@/lib/db";
import { chunkQuestionAndAnswer, chunkText } from "@/lib/knowledge/chunks";
import type { KnowledgeItem, ListKnowledgeQuery } from "@/lib/knowledge/schemas";
import type { KnowledgeChoice, KnowledgeRecord, KnowledgeUsage } from "@/lib/knowledge/types";
import { cursorKey, page } from "./keyset";
import { withIsoTimestamps } from "./timestamps";

interface KnowledgeRow extends Omit<KnowledgeItem, "created_at" | "updated_at"> {
  created_at: Date;
  updated_at: Date;
}

// The kept original is described (type, size), never read with the item: it can be 10 MB.
const COLUMNS = `id, kind, title, body, alternatives, source_url,
  case when original is null then null
    else jsonb_build_object('media_type', original_type, 'size', octet_length(original)) end as original,
  created_at, updated_at`;

const toItem = (row: KnowledgeRow): KnowledgeItem => withIsoTimestamps(row, "created_at", "updated_at");

function chunksOf(record: KnowledgeRecord): string[] {
  if (record.kind === "qa") return chunkQuestionAndAnswer(record.title, record.alternatives, record.body);
  // A note's or a page's title says what it is about, so it is searched too; a file name isn't.
  return chunkText(record.kind === "document" ? record.body : `${record.title}\n\n${record.body}`);
}

/** Run as the owner: their knowledge, newest first, a page at a time. */
export async function listKnowledge(tx: Queryable, { limit, cursor }: ListKnowledgeQuery) {
  const rows = await tx.query<KnowledgeRow & { cursor_key: string }>(
    `select ${COLUMNS}, ${cursorKey("created_at")} from public.knowledge_items
     where ($1::timestamptz is null or (created_at, id) < ($1::timestamptz, $2::uuid))
     order by created_at desc, id desc
     limit $3`,
    [cursor?.at ?? null, cursor?.id ?? null, limit + 1],
  );
  return page(rows, limit, toItem);
}

/** Run as the owner: one of their items; null when it isn't theirs or doesn't exist. */
export async function findKnowledgeItem(tx: Queryable, id: string): Promise<KnowledgeItem | null> {
  const [row] = await tx.query<KnowledgeRow>(`select ${COLUMNS} from public.knowledge_items where id = $1`, [id]);
  return row ? toItem(row) : null;
}

/** Run as the owner: stores an item and its search chunks in the caller's transaction. */
export async function createKnowledgeItem(tx: Queryable, record: KnowledgeRecord): Promise<KnowledgeItem> {
  const [row] = await tx.query<KnowledgeRow>(
    `insert into public.knowledge_items (kind, title, body, alternatives, source_url, original, original_type)
     values ($1, $2, $3, $4, $5, $6, $7)
     returning ${COLUMNS}`,
    [
      record.kind,
      record.title,
      record.body,
      record.alternatives,
      record.sourceUrl ?? null,
      record.original ? Buffer.from(record.original.bytes) : null,
      record.original?.mediaType ?? null,
    ],
  );
  await writeChunks(tx, row.id, record);
  return toItem(row);
}

const USAGE = `select count(*)::int as items,
                      coalesce(sum(octet_length(title) + octet_length(body) + coalesce(octet_length(original), 0)), 0)::float8 as bytes
                 from public.knowledge_items`;

/** Run as the owner: what their knowledge takes (octet_length reads a stored value's size, not the value). */
export async function knowledgeUsage(tx: Queryable): Promise<KnowledgeUsage> {
  const [usage] = await tx.query<KnowledgeUsage>(USAGE);
  return usage;
}

/**
 * Run as the owner: knowledgeUsage after taking the owner's lock, which is held to the commit, so
 * two uploads at once are counted one after the other and can't both pass the quota.
 */
export async function knowledgeUsageLocked(tx: Queryable): Promise<KnowledgeUsage> {
  await tx.query("select pg_advisory_xact_lock(3, hashtext('knowledge:' || auth.uid()::text))");
  return knowledgeUsage(tx);
}

/** Run as the owner: one of their items' stored size (as knowledgeUsage counts it) and its original's; null when not theirs. */
export async function knowledgeItemBytes(
  tx: Queryable,
  id: string,
): Promise<{ total: number; original: number } | null> {
  const [row] = await tx.query<{ total: number; original: number }>(
    `select (octet_length(title) + octet_length(body) + coalesce(octet_length(original), 0))::float8 as total,
            coalesce(octet_length(original), 0)::float8 as original
       from public.knowledge_items where id = $1`,
    [id],
  );
  return row ?? null;
}

/** Run as the owner: replaces an item's content and its chunks; null when it isn't theirs. */
export async function updateKnowledgeItem(
  tx: Queryable,
  { id, record }: { id: string; record: KnowledgeRecord },
): Promise<KnowledgeItem | null> {
  const [row] = await tx.query<KnowledgeRow>(
    `update public.knowledge_items set kind = $2, title = $3, body = $4, alternatives = $5 where id = $1
     returning ${COLUMNS}`,
    [id, record.kind, record.title, record.body, record.alternatives],
  );
  if (!row) return null;
  await tx.query("delete from public.knowledge_chunks where item_id = $1", [id]);
  await writeChunks(tx, id, record);
  return toItem(row);
}

/** Run as the owner: deletes an item (its chunks go with it); false when it isn't theirs. */
export async function deleteKnowledgeItem(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query("delete from public.knowledge_items where id = $1 returning id", [id]);
  return rows.length > 0;
}

/** One statement for all of an item's chunks, whatever their number. */
async function writeChunks(tx: Queryable, itemId: string, record: KnowledgeRecord): Promise<void> {
  const chunks = chunksOf(record);
  if (chunks.length === 0) return;
  await tx.query(
    `insert into public.knowledge_chunks (item_id, position, content)
     select $1, ordinality - 1, content from unnest($2::text[]) with ordinality as c (content, ordinality)`,
    [itemId, chunks],
  );
}

/** Run as the owner: every item's kind and title, for choosing a chatbot's subset (at most as many as a subset holds). */
export async function listKnowledgeChoices(tx: Queryable, { limit }: { limit: number }): Promise<KnowledgeChoice[]> {
  return tx.query<KnowledgeChoice>(
    "select id, kind, title from public.knowledge_items order by created_at desc, id desc limit $1",
    [limit],
  );
}
