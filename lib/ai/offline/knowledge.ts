import type { Lexicon, Term } from "@/lib/language/analysis";
import type { KnowledgeEntry } from "../knowledge-block";

// The offline model's use of the owner's knowledge. The database has already chosen the chunks
// that share a word (or a word of the same meaning) with the question, best first; here a Q&A is
// picked to be given as written, or the sentences of notes and documents that answer.

const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u;
const MAX_SENTENCES = 2;
/** A title that shares a word with the question lends its note's sentences this much ("any talks?" finds "Talks"). */
const TITLE_MATCH_SCORE = 0.5;
/** A Q&A is the visitor's question when the visitor's words cover this share of one of its phrasings. */
const ASKED_COVERAGE = 0.5;

/** The words that tell one question from another: a text's terms, less the owner's name. */
function termsOf(lexicon: Lexicon, text: string, ignore: ReadonlySet<string>): Term[] {
  const seen = new Set<string>();
  return lexicon.terms(text).filter((term) => {
    if (ignore.has(term.lemma) || seen.has(term.lemma)) return false;
    seen.add(term.lemma);
    return true;
  });
}

/** How many of `terms` say what one of `wanted` says. */
function shared(lexicon: Lexicon, terms: readonly Term[], wanted: readonly Term[]): number {
  return terms.filter((term) => wanted.some((other) => lexicon.sameMeaning(term, other))).length;
}

function nameWords(lexicon: Lexicon, ownerName: string | null): Set<string> {
  return new Set(ownerName ? lexicon.terms(ownerName).map((term) => term.lemma) : []);
}

/**
 * The Q&A to answer with, its answer given exactly as the owner wrote it: the best-ranked one whose
 * own question (or another phrasing) the database matched against the visitor's words and their
 * synonyms, unless that match was one passing word and the profile or a note shares more with the
 * question ("Where did she do her PhD?" is not "Is she taking PhD students?"). The database and
 * this read words alike (lib/language), so a match it made shares a word of one meaning here too.
 */
export function matchingQuestionAndAnswer(
  knowledge: readonly KnowledgeEntry[],
  question: string,
  otherTexts: readonly string[],
  lexicon: Lexicon,
  ownerName: string | null,
): KnowledgeEntry | null {
  const ignore = nameWords(lexicon, ownerName);
  const wanted = lexicon.question(question, ownerName).terms;
  const elsewhere = Math.max(0, ...otherTexts.map((text) => shared(lexicon, termsOf(lexicon, text, ignore), wanted)));
  return (
    knowledge.find((entry) => {
      if (entry.kind !== "qa" || !entry.asked || entry.content.trim() === "") return false;
      const phrasings = [entry.title, ...entry.alternatives].map((text) => termsOf(lexicon, text, ignore));
      const overlaps = phrasings.map((terms) => shared(lexicon, terms, wanted));
      const overlap = Math.max(...overlaps);
      // Half of a phrasing is the visitor's question when that half is two words or more: one
      // shared word of two ("What hours does she work?" for "Where does she work?") is not.
      const covered = phrasings.some(
        (terms, at) =>
          terms.length > 0 &&
          overlaps[at] / terms.length >= ASKED_COVERAGE &&
          (overlaps[at] >= 2 || overlaps[at] === terms.length),
      );
      return covered || overlap > elsewhere;
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

/** Every text of the knowledge the offline model may read: what its lexicon must be prepared with. */
export function knowledgeTexts(knowledge: readonly KnowledgeEntry[]): string[] {
  return knowledge.flatMap((entry) => [entry.title, ...entry.alternatives, ...sentencesOf(entry)]);
}

/** The sentences of notes and documents that share most words with the question (or whose title does). */
export function knowledgeSentences(
  knowledge: readonly KnowledgeEntry[],
  question: string,
  lexicon: Lexicon,
  ownerName: string | null,
): KnowledgeSentence[] {
  // The owner's name is in most of their notes: it says who the question is about, not what.
  const about = lexicon.question(question, ownerName);
  const wanted = about.terms;
  if (wanted.length === 0) return [];
  const matches = (term: Term, terms: readonly Term[]) => terms.some((candidate) => lexicon.match(term, candidate) > 0);
  // "Does Sam speak German?" is not answered by "Sam speaks about renovation".
  const names = about.yesNo ? about.topics.filter((term) => term.named) : [];
  const answers = (terms: readonly Term[], text: string) =>
    (names.length > 0 && !names.some((name) => matches(name, terms))) ||
    (about.asksPossession && !about.topics.some((term) => lexicon.possesses(text, term)))
      ? 0
      : wanted.filter((term) => matches(term, terms)).length;
  const scored: Array<KnowledgeSentence & { score: number; order: number }> = [];
  for (const entry of knowledge) {
    if (entry.kind === "qa") continue;
    const titled = entry.kind !== "document" && answers(lexicon.terms(entry.title), entry.title) > 0;
    for (const text of sentencesOf(entry)) {
      if (text === "") continue;
      const score = answers(lexicon.terms(text), text) + (titled ? TITLE_MATCH_SCORE : 0);
      if (score > 0) scored.push({ text, entry, score, order: scored.length });
    }
  }
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => a.order - b.order)
    .map(({ text, entry }) => ({ text, entry }));
}
