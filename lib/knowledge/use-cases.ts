import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner } from "@/lib/db";
import {
  createKnowledgeItem,
  deleteKnowledgeItem,
  findKnowledgeItem,
  listKnowledge as listKnowledgeRows,
  updateKnowledgeItem,
} from "@/lib/db/queries/knowledge";
import { ApiError } from "@/lib/errors";
import { documentRecord } from "./documents";
import type { KnowledgeInput, KnowledgeItem, ListKnowledgeQuery } from "./schemas";
import type { KnowledgeRecord } from "./types";
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

/** Stores an item and its search chunks as the owner: the one way in for every kind. */
function addKnowledge(caller: Caller, record: KnowledgeRecord): Promise<KnowledgeItem> {
  return asOwner(caller.claims, (tx) => createKnowledgeItem(tx, record));
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
  return requireItem(await asOwner(caller.claims, (tx) => updateKnowledgeItem(tx, { id, record: recordOf(input) })));
}

/** Deletes one of the caller's items (its chunks go with it). */
export async function deleteKnowledge(caller: Caller, { id }: { id: string }): Promise<void> {
  if (!(await asOwner(caller.claims, (tx) => deleteKnowledgeItem(tx, id)))) throw notFound();
}
