"use server";

import { z } from "zod";
import { action } from "@/lib/http/action";
import { uuidSchema } from "@/lib/validation/common";
import { documentUploadSchema, noteInputSchema, qaInputSchema, webImportSchema } from "./schemas";
import { createKnowledge, deleteKnowledge, importKnowledgeWebPage, uploadKnowledgeDocument } from "./use-cases";

// The dashboard's knowledge page: the API's schemas and use cases, answering the new item's id.

/** The form gives other phrasings one per line. */
const linesToList = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
  );

export const addQuestionAndAnswerAction = action(
  {
    name: "knowledge.addQuestionAndAnswer",
    auth: "required",
    schema: qaInputSchema.omit({ kind: true, alternatives: true }).extend({ alternatives: linesToList }),
  },
  async ({ input, caller }) => {
    const item = await createKnowledge(caller, qaInputSchema.parse({ kind: "qa", ...input }));
    return { id: item.id };
  },
);

export const addNoteAction = action(
  { name: "knowledge.addNote", auth: "required", schema: noteInputSchema.omit({ kind: true }) },
  async ({ input, caller }) => {
    const item = await createKnowledge(caller, { kind: "note", ...input });
    return { id: item.id };
  },
);

export const uploadDocumentAction = action(
  { name: "knowledge.uploadDocument", auth: "required", files: ["file"], schema: documentUploadSchema },
  async ({ input, caller }) => {
    const item = await uploadKnowledgeDocument(caller, input);
    return { id: item.id };
  },
);

export const importWebPageAction = action(
  { name: "knowledge.importWebPage", auth: "required", schema: webImportSchema },
  async ({ input, caller }) => {
    const item = await importKnowledgeWebPage(caller, input);
    return { id: item.id };
  },
);

export const deleteKnowledgeAction = action(
  { name: "knowledge.delete", auth: "required", schema: z.object({ id: uuidSchema }) },
  async ({ input, caller }) => {
    await deleteKnowledge(caller, input);
    return { id: input.id };
  },
);
