import type { KnowledgeEntry } from "../knowledge-block";
import { contentTerms } from "./text-analysis";

// The offline model's use of the owner's knowledge. The database has already chosen the chunks
// that share a content word (or a listed synonym) with the question, best first; here a Q&A is
// picked to be given as written, or the sentences of notes and documents that answer.

const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u;
const MAX_SENTENCES = 2;

/**
 * The Q&A to answer with: the best-ranked one whose own question (or another phrasing) the
 * database matched against the visitor's words and their synonyms; its answer is given exactly as
 * the owner wrote it.
 */
export function matchingQuestionAndAnswer(knowledge: readonly KnowledgeEntry[]): KnowledgeEntry | null {
  return knowledge.find((entry) => entry.kind === "qa" && entry.asked && entry.content.trim() !== "") ?? null;
}

/** A sentence quoted from a note or document, and the item it came from (the answer's source). */
export interface KnowledgeSentence {
  text: string;
  entry: KnowledgeEntry;
}

/** The sentences of notes and documents that share most content words with the question. */
export function knowledgeSentences(knowledge: readonly KnowledgeEntry[], question: string): KnowledgeSentence[] {
  const wanted = new Set(contentTerms(question));
  if (wanted.size === 0) return [];
  const scored: Array<KnowledgeSentence & { score: number; order: number }> = [];
  for (const entry of knowledge) {
    if (entry.kind === "qa") continue;
    const lines = entry.content.split("\n").filter((line) => !/^\s*#/.test(line));
    for (const sentence of lines.join(" ").split(SENTENCE_END)) {
      const text = sentence.trim();
      if (text === "") continue;
      const score = new Set(contentTerms(text).filter((term) => wanted.has(term))).size;
      if (score > 0) scored.push({ text, entry, score, order: scored.length });
    }
  }
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => a.order - b.order)
    .map(({ text, entry }) => ({ text, entry }));
}
