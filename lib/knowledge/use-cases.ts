import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner } from "@/lib/db";
import {
  createKnowledgeItem,
  deleteKnowledgeItem,
  findKnowledgeItem,
  knowledgeItemBytes,
  knowledgeUsage,
  knowledgeUsageLocked,
  listKnowledge as listKnowledgeRows,
  updateKnowledgeItem,
} from "@/lib/db/queries/knowledge";
import { ApiError } from "@/lib/errors";
import { documentRecord } from "./documents";
import {
  KNOWLEDGE_BYTES_PER_OWNER,
  KNOWLEDGE_ITEMS_PER_OWNER,
  type KnowledgeInput,
  type KnowledgeItem,
  type ListKnowledgeQuery,
} from "./schemas";
import type { KnowledgeRecord, KnowledgeUsage } from "./types";
import { webPageRecord } from "./web";

// An owner's knowledge: what the API and the dashboard's knowledge page do, each written once.
// Knowledge arrives four ways (Q&A, note, document, web page), from the API and the dashboard
// alike; every one is stored by addKnowledge below.

// Another owner's item is hidden by RLS, so it reads exactly like one that doesn't exist.
const notFound = () => new ApiError("not_found", "Knowledge item not found.");

function requireItem(item: KnowledgeItem | null): KnowledgeItem {
  if (!item) throw notFound();
  return item;
}

/** What a Q&A pair or a note is stored as. */
function recordOf(input: KnowledgeInput): KnowledgeRecord {
  return input.kind === "qa"
    ? { kind: "qa", title: input.question, body: input.answer, alternatives: input.alternatives }
    : { kind: "note", title: input.title, body: input.body, alternatives: [] };
}

/** What a record takes as knowledgeUsage counts it (UTF-8 text, the original's bytes). */
const bytesOf = (record: KnowledgeRecord) =>
  Buffer.byteLength(record.title) + Buffer.byteLength(record.body) + (record.original?.bytes.byteLength ?? 0);

const MEGABYTE = 1024 * 1024;

/** Refuses what would take the owner's knowledge past its item or byte quota. */
function checkQuota(usage: KnowledgeUsage, { items, bytes }: KnowledgeUsage): void {
  if (usage.items + items > KNOWLEDGE_ITEMS_PER_OWNER) {
    throw new ApiError(
      "conflict",
      `Your knowledge holds at most ${KNOWLEDGE_ITEMS_PER_OWNER} items; delete some before adding more.`,
    );
  }
  if (usage.bytes + bytes > KNOWLEDGE_BYTES_PER_OWNER) {
    throw new ApiError(
      "conflict",
      `Your knowledge holds at most ${KNOWLEDGE_BYTES_PER_OWNER / MEGABYTE} MB (${Math.ceil(usage.bytes / MEGABYTE)} MB used); delete some, or add the document without keeping the file.`,
    );
  }
}

/** Stores an item and its search chunks as the owner, within their quota: the one way in for every kind. */
function addKnowledge(caller: Caller, record: KnowledgeRecord): Promise<KnowledgeItem> {
  return asOwner(caller.claims, async (tx) => {
    checkQuota(await knowledgeUsageLocked(tx), { items: 1, bytes: bytesOf(record) });
    return createKnowledgeItem(tx, record);
  });
}

/** How much of their quota the caller's knowledge takes, for the knowledge page. */
export async function getKnowledgeUsage(
  caller: Caller,
): Promise<KnowledgeUsage & { maxItems: number; maxBytes: number }> {
  const usage = await asOwner(caller.claims, (tx) => knowledgeUsage(tx));
  return { ...usage, maxItems: KNOWLEDGE_ITEMS_PER_OWNER, maxBytes: KNOWLEDGE_BYTES_PER_OWNER };
}

/** The caller's knowledge, newest first, a page at a time. */
export async function listKnowledge(caller: Caller, query: ListKnowledgeQuery) {
  return asOwner(caller.claims, (tx) => listKnowledgeRows(tx, query));
}

/** One of the caller's items. */
export async function getKnowledge(caller: Caller, { id }: { id: string }): Promise<KnowledgeItem> {
  return requireItem(await asOwner(caller.claims, (tx) => findKnowledgeItem(tx, id)));
}

/** Adds a Q&A pair or a note. */
export async function createKnowledge(caller: Caller, input: KnowledgeInput): Promise<KnowledgeItem> {
  return addKnowledge(caller, recordOf(input));
}

/** Adds a PDF, Word, Markdown or text file's text, keeping the file itself when asked. */
export async function uploadKnowledgeDocument(
  caller: Caller,
  input: { file: File; keep_original: boolean },
): Promise<KnowledgeItem> {
  // Read before the transaction opens: extraction may take seconds, and holds no connection.
  return addKnowledge(caller, await documentRecord(input.file, input.keep_original));
}

/** Adds a web page's main text. */
export async function importKnowledgeWebPage(caller: Caller, input: { url: string }): Promise<KnowledgeItem> {
  // Fetched and read before the transaction opens: that may take seconds, and holds no connection.
  return addKnowledge(caller, await webPageRecord(input.url));
}

/** Replaces an item's content (its search chunks are rebuilt). */
export async function replaceKnowledge(
  caller: Caller,
  { id, input }: { id: string; input: KnowledgeInput },
): Promise<KnowledgeItem> {
  const record = recordOf(input);
  return requireItem(
    await asOwner(caller.claims, async (tx) => {
      const usage = await knowledgeUsageLocked(tx);
      const before = await knowledgeItemBytes(tx, id);
      if (before === null) return null;
      // A kept original stays as it was: only the text changes size.
      checkQuota(usage, { items: 0, bytes: bytesOf(record) + before.original - before.total });
      return updateKnowledgeItem(tx, { id, record });
    }),
  );
}

/** Deletes one of the caller's items (its chunks go with it). */
export async function deleteKnowledge(caller: Caller, { id }: { id: string }): Promise<void> {
  if (!(await asOwner(caller.claims, (tx) => deleteKnowledgeItem(tx, id)))) throw notFound();
}
