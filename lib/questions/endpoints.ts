import { endpoints } from "@/lib/api/endpoint";
import {
  answerQuestionSchema,
  dismissedQuestionsSchema,
  dismissQuestionSchema,
  improveAnswerBodySchema,
  listQuestionsQuerySchema,
  ownerAnswerSchema,
  questionQueueSchema,
} from "./schemas";

const questions = endpoints({ tag: "Questions", auth: "required" });

export const listQuestionsEndpoint = questions("GET /api/questions", "listQuestions", {
  summary: "The questions queue: what the caller's bots couldn't answer, grouped, most asked first",
  description: "A group joins the wordings of one question; answer or dismiss it by sending all its `wordings`.",
  query: listQuestionsQuerySchema,
  responses: { 200: { description: "The queue.", body: { name: "QuestionQueue", schema: questionQueueSchema } } },
});

export const answerQuestionEndpoint = questions("POST /api/questions/answer", "answerQuestion", {
  summary: "Answer a group of the queue with a Q&A",
  description:
    "The wordings become a Q&A's question and alternatives (or join the Q&A that already answers one of them), the bots that were asked get it, and the group leaves the queue.",
  body: { name: "QuestionAnswer", schema: answerQuestionSchema },
  responses: {
    200: { description: "The Q&A that holds the answer.", body: { name: "OwnerAnswer", schema: ownerAnswerSchema } },
  },
});

export const dismissQuestionEndpoint = questions("POST /api/questions/dismiss", "dismissQuestion", {
  summary: "Take a group out of the queue without answering it",
  body: { name: "QuestionDismissal", schema: dismissQuestionSchema },
  responses: {
    200: {
      description: "The wordings dismissed.",
      body: { name: "DismissedQuestions", schema: dismissedQuestionsSchema },
    },
  },
});

export const improveAnswerEndpoint = questions("POST /api/messages/{id}/improve", "improveAnswer", {
  summary: "Say what the bot should have answered to one turn",
  description:
    "The turn's question becomes a Q&A with this answer (or updates the one that answers it already), as the inbox’s “Improve this answer” does. Another owner's message is 404.",
  body: { name: "ImprovedAnswer", schema: improveAnswerBodySchema },
  responses: {
    200: { description: "The Q&A that holds the answer.", body: { name: "OwnerAnswer", schema: ownerAnswerSchema } },
  },
});
