import { z } from "zod";
import { MESSAGE_MAX } from "@/lib/constants";
import { KNOWLEDGE_BODY_MAX } from "@/lib/knowledge/schemas";
import { timestampSchema, uuidSchema } from "@/lib/validation/common";
import { limitSchema } from "@/lib/validation/pagination";

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

/** GET /api/questions query string. */
export const listQuestionsQuerySchema = z.object({ limit: limitSchema.default(100) });

export const questionGroupSchema = z.object({
  question: z.string().meta({ description: "The newest wording of the most asked form of the question." }),
  wordings: z.array(z.string()).meta({
    description: "Every wording the group holds, most asked first: answer or dismiss the group by sending them all.",
  }),
  times: z.number().int(),
  visitors: z.number().int(),
  last_asked_at: timestampSchema,
});
export const questionQueueSchema = z.object({ groups: z.array(questionGroupSchema) });

/** POST /api/messages/{id}/improve: improveAnswerSchema without the id, which the path gives. */
export const improveAnswerBodySchema = improveAnswerSchema.omit({ message_id: true });

export const ownerAnswerSchema = z.object({
  knowledge_item_id: uuidSchema.meta({ description: "The Q&A that now holds the answer (new, or the one updated)." }),
});
export const dismissedQuestionsSchema = z.object({ questions: z.array(z.string()) });
