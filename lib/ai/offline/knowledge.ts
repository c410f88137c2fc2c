import type { KnowledgeEntry } from "../knowledge-block";
import { contentTerms, questionTerms } from "./text-analysis";

// The offline model's use of the owner's knowledge. The database has already chosen the chunks
// that share a content word (or a listed synonym) with the question, best first; here a Q&A is
// picked to be given as written, or the sentences of notes and documents that answer.

const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u;
const MAX_SENTENCES = 2;
/** A title that shares a word with the question lends its note's sentences this much ("any talks?" finds "Talks"). */
const TITLE_MATCH_SCORE = 0.5;
/** A Q&A is the visitor's question when the visitor's words cover this share of one of its phrasings. */
const ASKED_COVERAGE = 0.5;

/** The words that tell one question from another: content terms, less the owner's name. */
function termsOf(text: string, ignore: ReadonlySet<string>, terms = contentTerms): Set<string> {
  return new Set(terms(text).filter((term) => !ignore.has(term)));
}

function shared(terms: ReadonlySet<string>, wanted: ReadonlySet<string>): number {
  return [...terms].filter((term) => wanted.has(term)).length;
}

/**
 * The Q&A to answer with, its answer given exactly as the owner wrote it: the best-ranked one whose
 * own question (or another phrasing) the database matched against the visitor's words and their
 * synonyms, unless that match was one passing word and the profile or a note shares more with the
 * question ("Where did she do her PhD?" is not "Is she taking PhD students?"). A match the database
 * made through a synonym or a stem alone, with nothing else sharing a word, stands.
 */
export function matchingQuestionAndAnswer(
  knowledge: readonly KnowledgeEntry[],
  question: string,
  otherTexts: readonly string[],
  ignore: ReadonlySet<string>,
): KnowledgeEntry | null {
  const wanted = termsOf(question, ignore, questionTerms);
  const elsewhere = Math.max(0, ...otherTexts.map((text) => shared(termsOf(text, ignore), wanted)));
  return (
    knowledge.find((entry) => {
      if (entry.kind !== "qa" || !entry.asked || entry.content.trim() === "") return false;
      const phrasings = [entry.title, ...entry.alternatives].map((text) => termsOf(text, ignore));
      const overlap = Math.max(...phrasings.map((terms) => shared(terms, wanted)));
      const coverage = Math.max(
        ...phrasings.map((terms) => (terms.size === 0 ? 0 : shared(terms, wanted) / terms.size)),
      );
      return coverage >= ASKED_COVERAGE || overlap > elsewhere || (overlap === 0 && elsewhere === 0);
    }) ?? null
  );
}

/** A sentence quoted from a note or document, and the item it came from (the answer's source). */
export interface KnowledgeSentence {
  text: string;
  entry: KnowledgeEntry;
}

/**
 * A chunk's sentences, paragraph by paragraph (a paragraph without a full stop never runs into the
 * next), less Markdown headings and the note's title, which its first chunk repeats.
 */
function sentencesOf(entry: KnowledgeEntry): string[] {
  const paragraphs = entry.content.split(/\n\s*\n/).map((paragraph) =>
    paragraph
      .split("\n")
      .filter((line) => !/^\s*#/.test(line))
      .join(" ")
      .trim(),
  );
  if (entry.kind === "note" && paragraphs[0] === entry.title.trim()) paragraphs.shift();
  return paragraphs.flatMap((paragraph) => paragraph.split(SENTENCE_END)).map((sentence) => sentence.trim());
}

/** Every sentence of the notes and documents, for weighing a Q&A match against them. */
export function allKnowledgeSentences(knowledge: readonly KnowledgeEntry[]): string[] {
  return knowledge.filter((entry) => entry.kind !== "qa").flatMap(sentencesOf);
}

/** The sentences of notes and documents that share most content words with the question (or whose title does). */
export function knowledgeSentences(knowledge: readonly KnowledgeEntry[], question: string): KnowledgeSentence[] {
  const wanted = new Set(questionTerms(question));
  if (wanted.size === 0) return [];
  const scored: Array<KnowledgeSentence & { score: number; order: number }> = [];
  for (const entry of knowledge) {
    if (entry.kind === "qa") continue;
    const titled = entry.kind !== "document" && contentTerms(entry.title).some((term) => wanted.has(term));
    for (const text of sentencesOf(entry)) {
      if (text === "") continue;
      const score =
        new Set(contentTerms(text).filter((term) => wanted.has(term))).size + (titled ? TITLE_MATCH_SCORE : 0);
      if (score > 0) scored.push({ text, entry, score, order: scored.length });
    }
  }
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => a.order - b.order)
    .map(({ text, entry }) => ({ text, entry }));
}
