import type { Lexicon, QuestionReading, Term } from "@/lib/language/analysis";
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

/**
 * How many of `terms` say what one of `wanted` says. A Q&A's phrasing is a question too, so any of
 * its words' senses may be the visitor's; other text says what it means in its commonest senses.
 */
function shared(lexicon: Lexicon, terms: readonly Term[], wanted: readonly Term[], anySense: boolean): number {
  // Not through a derivation alone: "married" and "weddings" share a root, not the question.
  return terms.filter((term) => wanted.some((other) => lexicon.sameMeaning(term, other, { anySense, derived: false })))
    .length;
}

/** "Does she have kids?" is asked by a phrasing that asks whether someone is hers, not "does she tutor kids?". */
function asksLikewise(lexicon: Lexicon, phrasing: string, question: QuestionReading): boolean {
  return !question.asksPossession || lexicon.question(phrasing).asksPossession;
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
  const reading = lexicon.question(question, ownerName);
  const wanted = reading.terms;
  const elsewhere = Math.max(
    0,
    ...otherTexts.map((text) => shared(lexicon, termsOf(lexicon, text, ignore), wanted, false)),
  );
  return (
    knowledge.find((entry) => {
      if (entry.kind !== "qa" || !entry.asked || entry.content.trim() === "") return false;
      const asked = [entry.title, ...entry.alternatives].filter((text) => asksLikewise(lexicon, text, reading));
      if (asked.length === 0) return false;
      const phrasings = asked.map((text) => termsOf(lexicon, text, ignore));
      // Weighed against the profile's words in their commonest senses, so in the same senses here.
      const overlap = Math.max(...phrasings.map((terms) => shared(lexicon, terms, wanted, false)));
      // Half of a phrasing is the visitor's question when what it adds names nothing particular:
      // "Is she open to relocation?" is "Would she relocate?", but "What hours does she work?"
      // is not "Where does she work?".
      const covered = phrasings.some((terms) => {
        const unshared = terms.filter(
          (term) => !wanted.some((other) => lexicon.sameMeaning(term, other, { derived: false })),
        );
        return (
          terms.length > 0 &&
          (terms.length - unshared.length) / terms.length >= ASKED_COVERAGE &&
          unshared.every((term) => !term.specific)
        );
      });
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
  // "Does Sam speak German?" is not answered by "Sam speaks about renovation", nor "does he play
  // the piano?" by "he plays a cello".
  const things = about.mustName;
  const answers = (terms: readonly Term[], text: string) =>
    (things.length > 0 && !things.some((thing) => matches(thing, terms))) ||
    (about.mustNameEvery && !things.every((thing) => matches(thing, terms))) ||
    (about.asksPossession && !about.topics.some((term) => lexicon.possesses(text, term)))
      ? 0
      : wanted.filter((term) => matches(term, terms)).length;
  const scored: Array<KnowledgeSentence & { score: number; order: number }> = [];
  // "Which Premier League team does she support?" is not answered by a note without the name,
  // though "It is funded by ..." is by one that names it a sentence before.
  const names = about.topics.filter((term) => term.named);
  for (const entry of knowledge) {
    if (entry.kind === "qa") continue;
    const sentences = sentencesOf(entry);
    if (names.length > 0) {
      const entryTerms = [entry.title, ...sentences].flatMap((text) => lexicon.terms(text));
      if (!names.every((name) => matches(name, entryTerms))) continue;
    }
    const titled = entry.kind !== "document" && answers(lexicon.terms(entry.title), entry.title) > 0;
    for (const text of sentences) {
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
