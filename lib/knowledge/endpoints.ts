import { endpoints } from "@/lib/api/endpoint";
import {
  documentUploadSchema,
  KNOWLEDGE_BYTES_PER_OWNER,
  KNOWLEDGE_ITEMS_PER_OWNER,
  KNOWLEDGE_UPLOAD_MAX_BYTES,
  knowledgeInputSchema,
  knowledgeItemSchema,
  knowledgePageSchema,
  listKnowledgeQuerySchema,
  webImportSchema,
} from "./schemas";

const knowledge = endpoints({ tag: "Knowledge", auth: "required" });

const QUOTA = `An owner's knowledge holds at most ${KNOWLEDGE_ITEMS_PER_OWNER} items and ${KNOWLEDGE_BYTES_PER_OWNER / (1024 * 1024)} MB (titles, bodies and kept files together): past either, adding or growing an item is 409 \`conflict\`.`;

const KnowledgeItem = { name: "KnowledgeItem", schema: knowledgeItemSchema };
const KnowledgeInput = { name: "KnowledgeInput", schema: knowledgeInputSchema };

export const listKnowledgeEndpoint = knowledge("GET /api/knowledge", "listKnowledge", {
  summary: "The caller's knowledge items, newest first",
  description: "Q&A pairs, notes and documents every chatbot of the caller answers from. Keyset-paged by `cursor`.",
  query: listKnowledgeQuerySchema,
  responses: {
    200: { description: "One page of items.", body: { name: "KnowledgePage", schema: knowledgePageSchema } },
  },
});

export const createKnowledgeEndpoint = knowledge("POST /api/knowledge", "createKnowledge", {
  summary: "Add a Q&A pair or a note",
  description: `A Q&A (\`kind: "qa"\`) is given as written to a visitor who asks its question or one of its \`alternatives\` in other words; a note (\`kind: "note"\`) is Markdown the bots quote from. ${QUOTA}`,
  body: KnowledgeInput,
  responses: { 201: { description: "The new item.", body: KnowledgeItem } },
  errors: ["conflict"],
});

export const uploadKnowledgeDocumentEndpoint = knowledge("POST /api/knowledge/documents", "uploadKnowledgeDocument", {
  summary: "Add a document: a PDF, Word (.docx), Markdown or text file",
  description:
    "Sent as `multipart/form-data` with the file in `file`. Its text is extracted (PDF: at most 200 pages; reading gets 20 seconds) and becomes the item's `body`; the file itself is discarded unless `keep_original` is true. 413: the file is over 10 MB or its text over 100,000 characters; 415: a type that can't be read; 422: a damaged or password-protected PDF, too many pages, or no text (a scan); 503: other documents are being read, retry after `Retry-After`.",
  // The file's 10 MB plus room for the form's boundaries and other fields.
  body: {
    name: "KnowledgeDocumentUpload",
    schema: documentUploadSchema,
    multipart: { maxBytes: KNOWLEDGE_UPLOAD_MAX_BYTES + 64 * 1024 },
  },
  responses: { 201: { description: "The new document item.", body: KnowledgeItem } },
  errors: ["conflict", "unprocessable", "unavailable"],
});

export const importKnowledgeWebPageEndpoint = knowledge("POST /api/knowledge/web", "importKnowledgeWebPage", {
  summary: "Add a web page by its address",
  description:
    "The server fetches the page (10 seconds, 2 MB, at most 5 redirects) and keeps its main text (Readability) as an item of kind `web` with its `source_url` and title. 400: not an http(s) address, or one on a private, loopback or link-local network (unless the server allows them); 422: the page could not be fetched or read.",
  body: { name: "KnowledgeWebImport", schema: webImportSchema },
  responses: { 201: { description: "The new web page item.", body: KnowledgeItem } },
  errors: ["conflict", "unprocessable", "unavailable"],
});

export const getKnowledgeEndpoint = knowledge("GET /api/knowledge/{id}", "getKnowledge", {
  summary: "One of the caller's knowledge items",
  responses: { 200: { description: "The item.", body: KnowledgeItem } },
});

export const replaceKnowledgeEndpoint = knowledge("PUT /api/knowledge/{id}", "replaceKnowledge", {
  summary: "Replace a knowledge item's content",
  description: QUOTA,
  body: KnowledgeInput,
  responses: { 200: { description: "The item as stored now.", body: KnowledgeItem } },
  errors: ["conflict"],
});

export const deleteKnowledgeEndpoint = knowledge("DELETE /api/knowledge/{id}", "deleteKnowledge", {
  summary: "Delete a knowledge item",
  responses: { 204: { description: "Deleted." } },
});
