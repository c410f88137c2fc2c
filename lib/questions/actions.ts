"use server";

import { action } from "@/lib/http/action";
import { answerQuestionSchema, dismissQuestionSchema, improveAnswerSchema } from "./schemas";
import { answerQuestion, dismissQuestion, improveAnswer } from "./use-cases";

// The answer loop's actions (the rules are in ./use-cases.ts).

export const answerQuestionAction = action(
  { name: "questions.answer", auth: "required", schema: answerQuestionSchema },
  ({ input, caller }) => answerQuestion(caller, input),
);

export const dismissQuestionAction = action(
  { name: "questions.dismiss", auth: "required", schema: dismissQuestionSchema },
  ({ input, caller }) => dismissQuestion(caller, input),
);

/** "Improve this answer" in the inbox: what the bot should have said to that turn's question. */
export const improveAnswerAction = action(
  { name: "questions.improveAnswer", auth: "required", schema: improveAnswerSchema },
  ({ input, caller }) => improveAnswer(caller, input),
);
