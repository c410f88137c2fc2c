import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner, type Queryable } from "@/lib/db";
import { addToChatbotSubsets } from "@/lib/db/queries/chatbot-knowledge";
import { createKnowledgeItem, findKnowledgeItem, updateKnowledgeItem } from "@/lib/db/queries/knowledge";
import {
  chatbotsThatAsked,
  findAnswerOf,
  findTurnQuestion,
  listUnansweredWordings,
  resolveQuestions,
} from "@/lib/db/queries/questions";
import { ApiError } from "@/lib/errors";
import { KNOWLEDGE_ALTERNATIVES_MAX, KNOWLEDGE_TITLE_MAX } from "@/lib/knowledge/schemas";
import { groupingTerms, mergeSimilarQuestions } from "./grouping";
import type { AnswerQuestionInput, DismissQuestionInput, ImproveAnswerInput } from "./schemas";
import type { QuestionGroup } from "./types";

// The answer loop: the owner answers a queued question once (it becomes a Q&A whose question and
// alternatives are the wordings visitors used, so the next visitor asking it in other words gets
// the answer), dismisses it, or says what the bot should have said beside any answer in the inbox.

/**
 * The questions queue: the owner's bots' unanswered questions, grouped by normalised text in the
 * database and then by their terms (./grouping.ts), most asked first. The grouping reads the
 * language resources after the transaction, which it needn't hold open.
 */
export async function listWaitingQuestions(caller: Caller, { limit }: { limit: number }): Promise<QuestionGroup[]> {
  const rows = await asOwner(caller.claims, listUnansweredWordings);
  const terms = await groupingTerms(
    rows.map((row) => row.question),
    rows[0]?.ownerName ?? null,
  );
  const groups = rows.map((row, index) => ({ ...row, terms: terms[index] ?? [] }));
  return mergeSimilarQuestions(groups)
    .slice(0, limit)
    .map(({ members }) => ({
      question: members[0].question,
      wordings: members.map((member) => member.question),
      times: members.reduce((sum, member) => sum + member.times, 0),
      visitors: new Set(members.flatMap((member) => member.visitorIds)).size,
      // ISO timestamps in UTC sort as they happened.
      last_asked_at:
        members
          .map((member) => member.lastAskedAt)
          .sort()
          .at(-1) ?? members[0].lastAskedAt,
    }));
}

/** The owner answers a group of the queue: the bots that were asked it get the Q&A. */
export async function answerQuestion(caller: Caller, input: AnswerQuestionInput) {
  return asOwner(caller.claims, async (tx) =>
    recordOwnerAnswer(tx, {
      questions: input.questions,
      answer: input.answer,
      chatbotIds: await chatbotsThatAsked(tx, { questions: input.questions }),
    }),
  );
}

/** Takes a group out of the queue without answering it. */
export async function dismissQuestion(caller: Caller, input: DismissQuestionInput) {
  await asOwner(caller.claims, (tx) =>
    resolveQuestions(tx, { questions: input.questions, resolution: "dismissed", knowledgeItemId: null }),
  );
  return { questions: input.questions };
}

/** "Improve this answer" in the inbox: what the bot should have said to that turn's question. */
export async function improveAnswer(caller: Caller, input: ImproveAnswerInput) {
  return asOwner(caller.claims, async (tx) => {
    // Another owner's turn is hidden by RLS: it reads as one that doesn't exist.
    const turn = await findTurnQuestion(tx, { messageId: input.message_id });
    if (!turn) throw new ApiError("not_found", "Message not found.");
    return recordOwnerAnswer(tx, { questions: [turn.question], answer: input.answer, chatbotIds: [turn.chatbotId] });
  });
}

/**
 * Run as the owner: what the owner says a question's answer is, from the questions queue or
 * beside an answer in the inbox. It becomes a Q&A whose question and alternatives are the
 * visitors' wordings, or replaces the answer of the Q&A they already gave one of those wordings
 * (improving twice is one Q&A, not two competing ones). Bots that answer from a subset and were
 * asked get it in their subset; the wordings leave the queue.
 */
async function recordOwnerAnswer(
  tx: Queryable,
  { questions, answer, chatbotIds }: { questions: string[]; answer: string; chatbotIds: string[] },
): Promise<{ knowledge_item_id: string }> {
  // A Q&A's question and alternatives are at most a title long; a longer wording is still
  // resolved, and is matched through the shorter ones' words.
  const fitting = questions.filter((wording) => wording.length <= KNOWLEDGE_TITLE_MAX);
  const existingId = await findAnswerOf(tx, { questions });
  const existing = existingId ? await findKnowledgeItem(tx, existingId) : null;
  let itemId: string;
  if (existing) {
    const known = new Set([existing.title, ...existing.alternatives].map((wording) => wording.toLowerCase()));
    const added = fitting.filter((wording) => !known.has(wording.toLowerCase()));
    await updateKnowledgeItem(tx, {
      id: existing.id,
      record: {
        kind: "qa",
        title: existing.title,
        body: answer,
        alternatives: [...existing.alternatives, ...added].slice(0, KNOWLEDGE_ALTERNATIVES_MAX),
      },
    });
    itemId = existing.id;
  } else {
    const [title, ...alternatives] = fitting;
    if (title === undefined) {
      throw new ApiError("validation_failed", "This question is too long to become a Q&A.", {
        details: [
          {
            path: "answer",
            message: `Questions of over ${KNOWLEDGE_TITLE_MAX} characters can't become a Q&A: add one in shorter words on the Knowledge page.`,
          },
        ],
      });
    }
    const item = await createKnowledgeItem(tx, {
      kind: "qa",
      title,
      body: answer,
      alternatives: alternatives.slice(0, KNOWLEDGE_ALTERNATIVES_MAX),
    });
    itemId = item.id;
  }
  await addToChatbotSubsets(tx, { itemId, chatbotIds });
  await resolveQuestions(tx, { questions, resolution: "answered", knowledgeItemId: itemId });
  return { knowledge_item_id: itemId };
}
