import { z } from "zod";
import { MESSAGE_MAX } from "@/lib/constants";
import { KNOWLEDGE_BODY_MAX } from "@/lib/knowledge/schemas";
import { uuidSchema } from "@/lib/validation/common";

// The answer loop's inputs: a queued question answered or dismissed, an inbox answer improved.

/** A group's wordings, as visitors wrote them; a form with one sends a string. */
const wordings = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z
    .array(z.string().trim().min(1, "The question is missing.").max(MESSAGE_MAX))
    .min(1, "The question is missing.")
    .max(100, "At most 100 wordings at once."),
);

const answer = z
  .string()
  .trim()
  .min(1, "Write the answer visitors should get.")
  .max(KNOWLEDGE_BODY_MAX, `At most ${KNOWLEDGE_BODY_MAX.toLocaleString("en")} characters.`);

export const answerQuestionSchema = z.object({ questions: wordings, answer });
export type AnswerQuestionInput = z.output<typeof answerQuestionSchema>;

export const dismissQuestionSchema = z.object({ questions: wordings });
export type DismissQuestionInput = z.output<typeof dismissQuestionSchema>;

export const improveAnswerSchema = z.object({ message_id: uuidSchema, answer });
export type ImproveAnswerInput = z.output<typeof improveAnswerSchema>;
