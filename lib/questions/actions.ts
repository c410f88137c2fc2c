"use server";

import { z } from "zod";
import { asOwner } from "@/lib/db";
import { createKnowledgeItem } from "@/lib/db/queries/knowledge";
import { resolveQuestion } from "@/lib/db/queries/questions";
import { action } from "@/lib/http/action";
import { KNOWLEDGE_BODY_MAX, KNOWLEDGE_TITLE_MAX } from "@/lib/validation/knowledge";

// The questions queue: the owner answers a question once (it becomes a Q&A, so the next visitor
// asking it in other words gets the answer) or dismisses it.

const question = z.string().trim().min(1, "The question is missing.").max(KNOWLEDGE_TITLE_MAX);

export const answerQuestionAction = action(
  {
    name: "questions.answer",
    auth: "required",
    schema: z.object({
      question,
      answer: z
        .string()
        .trim()
        .min(1, "Write the answer visitors should get.")
        .max(KNOWLEDGE_BODY_MAX, `At most ${KNOWLEDGE_BODY_MAX.toLocaleString("en")} characters.`),
    }),
  },
  async ({ input, caller }) =>
    asOwner(caller.claims, async (tx) => {
      const item = await createKnowledgeItem(tx, {
        kind: "qa",
        title: input.question,
        body: input.answer,
        alternatives: [],
      });
      await resolveQuestion(tx, { question: input.question, resolution: "answered", knowledgeItemId: item.id });
      return { knowledgeItemId: item.id };
    }),
);

export const dismissQuestionAction = action(
  { name: "questions.dismiss", auth: "required", schema: z.object({ question }) },
  async ({ input, caller }) => {
    await asOwner(caller.claims, (tx) =>
      resolveQuestion(tx, { question: input.question, resolution: "dismissed", knowledgeItemId: null }),
    );
    return { question: input.question };
  },
);
