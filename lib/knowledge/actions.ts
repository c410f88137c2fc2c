"use server";

import { z } from "zod";
import { asOwner } from "@/lib/db";
import { createKnowledgeItem, deleteKnowledgeItem, recordOf } from "@/lib/db/queries/knowledge";
import { ApiError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { uuidSchema } from "@/lib/validation/common";
import { documentUploadSchema, noteInputSchema, qaInputSchema, webImportSchema } from "@/lib/validation/knowledge";
import { documentRecord } from "./documents";
import { webPageRecord } from "./web";

// The dashboard's knowledge page, with the API's schemas and queries.

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
    const record = recordOf(qaInputSchema.parse({ kind: "qa", ...input }));
    const item = await asOwner(caller.claims, (tx) => createKnowledgeItem(tx, record));
    return { id: item.id };
  },
);

export const addNoteAction = action(
  { name: "knowledge.addNote", auth: "required", schema: noteInputSchema.omit({ kind: true }) },
  async ({ input, caller }) => {
    const item = await asOwner(caller.claims, (tx) => createKnowledgeItem(tx, recordOf({ kind: "note", ...input })));
    return { id: item.id };
  },
);

export const uploadDocumentAction = action(
  { name: "knowledge.uploadDocument", auth: "required", files: ["file"], schema: documentUploadSchema },
  async ({ input, caller }) => {
    const record = await documentRecord(input.file, input.keep_original);
    const item = await asOwner(caller.claims, (tx) => createKnowledgeItem(tx, record));
    return { id: item.id };
  },
);

export const importWebPageAction = action(
  { name: "knowledge.importWebPage", auth: "required", schema: webImportSchema },
  async ({ input, caller }) => {
    const record = await webPageRecord(input.url);
    const item = await asOwner(caller.claims, (tx) => createKnowledgeItem(tx, record));
    return { id: item.id };
  },
);

export const deleteKnowledgeAction = action(
  { name: "knowledge.delete", auth: "required", schema: z.object({ id: uuidSchema }) },
  async ({ input, caller }) => {
    if (!(await asOwner(caller.claims, (tx) => deleteKnowledgeItem(tx, input.id)))) {
      throw new ApiError("not_found", "Knowledge item not found.");
    }
    return { id: input.id };
  },
);
