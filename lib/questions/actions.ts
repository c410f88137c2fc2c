"use server";

import { z } from "zod";
import { MESSAGE_MAX } from "@/lib/constants";
import { asOwner } from "@/lib/db";
import { chatbotsThatAsked, findTurnQuestion, resolveQuestions } from "@/lib/db/queries/questions";
import { ApiError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { KNOWLEDGE_BODY_MAX } from "@/lib/knowledge/schemas";
import { uuidSchema } from "@/lib/validation/common";
import { recordOwnerAnswer } from "./answer";

// The answer loop's actions: the owner answers a queued question once (it becomes a Q&A whose
// question and alternatives are the wordings visitors used, so the next visitor asking it in
// other words gets the answer), dismisses it, or says what the bot should have said beside any
// answer in the inbox.

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

export const answerQuestionAction = action(
  { name: "questions.answer", auth: "required", schema: z.object({ questions: wordings, answer }) },
  async ({ input, caller }) =>
    asOwner(caller.claims, async (tx) =>
      recordOwnerAnswer(tx, {
        questions: input.questions,
        answer: input.answer,
        chatbotIds: await chatbotsThatAsked(tx, { questions: input.questions }),
      }),
    ),
);

export const dismissQuestionAction = action(
  { name: "questions.dismiss", auth: "required", schema: z.object({ questions: wordings }) },
  async ({ input, caller }) => {
    await asOwner(caller.claims, (tx) =>
      resolveQuestions(tx, { questions: input.questions, resolution: "dismissed", knowledgeItemId: null }),
    );
    return { questions: input.questions };
  },
);

/** "Improve this answer" in the inbox: what the bot should have said to that turn's question. */
export const improveAnswerAction = action(
  { name: "questions.improveAnswer", auth: "required", schema: z.object({ message_id: uuidSchema, answer }) },
  async ({ input, caller }) =>
    asOwner(caller.claims, async (tx) => {
      // Another owner's turn is hidden by RLS: it reads as one that doesn't exist.
      const turn = await findTurnQuestion(tx, { messageId: input.message_id });
      if (!turn) throw new ApiError("not_found", "Message not found.");
      return recordOwnerAnswer(tx, { questions: [turn.question], answer: input.answer, chatbotIds: [turn.chatbotId] });
    }),
);
