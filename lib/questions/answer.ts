import "server-only";
import type { Queryable } from "@/lib/db";
import { addToChatbotSubsets } from "@/lib/db/queries/chatbot-knowledge";
import { createKnowledgeItem, findKnowledgeItem, updateKnowledgeItem } from "@/lib/db/queries/knowledge";
import { findAnswerOf, resolveQuestions } from "@/lib/db/queries/questions";
import { ApiError } from "@/lib/errors";
import { KNOWLEDGE_ALTERNATIVES_MAX, KNOWLEDGE_TITLE_MAX } from "@/lib/knowledge/schemas";

/**
 * Run as the owner: what the owner says a question's answer is, from the questions queue or
 * beside an answer in the inbox. It becomes a Q&A whose question and alternatives are the
 * visitors' wordings, or replaces the answer of the Q&A they already gave one of those wordings
 * (improving twice is one Q&A, not two competing ones). Bots that answer from a subset and were
 * asked get it in their subset; the wordings leave the queue.
 */
export async function recordOwnerAnswer(
  tx: Queryable,
  { questions, answer, chatbotIds }: { questions: string[]; answer: string; chatbotIds: string[] },
): Promise<{ knowledgeItemId: string }> {
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
  return { knowledgeItemId: itemId };
}
