import { endpoints } from "@/lib/api/endpoint";
import { idParamsSchema } from "@/lib/validation/common";
import {
  knowledgeInputSchema,
  knowledgeItemSchema,
  knowledgePageSchema,
  listKnowledgeQuerySchema,
} from "@/lib/validation/knowledge";

const knowledge = endpoints({ tag: "Knowledge", auth: "required" });

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
  description:
    'A Q&A (`kind: "qa"`) is given as written to a visitor who asks its question or one of its `alternatives` in other words; a note (`kind: "note"`) is Markdown the bots quote from.',
  body: KnowledgeInput,
  responses: { 201: { description: "The new item.", body: KnowledgeItem } },
});

export const getKnowledgeEndpoint = knowledge("GET /api/knowledge/{id}", "getKnowledge", {
  summary: "One of the caller's knowledge items",
  params: idParamsSchema,
  responses: { 200: { description: "The item.", body: KnowledgeItem } },
});

export const replaceKnowledgeEndpoint = knowledge("PUT /api/knowledge/{id}", "replaceKnowledge", {
  summary: "Replace a knowledge item's content",
  params: idParamsSchema,
  body: KnowledgeInput,
  responses: { 200: { description: "The item as stored now.", body: KnowledgeItem } },
});

export const deleteKnowledgeEndpoint = knowledge("DELETE /api/knowledge/{id}", "deleteKnowledge", {
  summary: "Delete a knowledge item",
  params: idParamsSchema,
  responses: { 204: { description: "Deleted." } },
});
