import type { QuestionReading } from "@/lib/language/analysis";
import type { ProfileSection } from "../instructions";
import type { Passage } from "./passages";
import { type ProfileFacts, passagesAnswering } from "./profile-facts";

// How much a passage of the profile says about a question: the evidence retrieval ranks by, and
// the shapes retrieval answers in.

export type RankedPassage = Passage & {
  score: number;
  /** Index in profile order, so answers can quote passages in the order the owner wrote them. */
  position: number;
  /** Whether words of the question found it, beyond those that only say what kind of thing it asks ("work"). */
  matchedWords: boolean;
};

export type RetrievalQuery = {
  question: string;
  /** The visitor's earlier messages, most recent first: "and before that?" inherits their topic. */
  earlierQuestions?: string[];
  /** The bot's earlier replies, most recent first: passages already quoted make way for new ones. */
  earlierAnswers?: string[];
};

export type RetrievalResult =
  | { kind: "match"; passages: RankedPassage[] }
  /** A bare follow-up ("tell me more") after everything relevant was already said. */
  | { kind: "exhausted"; sections: ProfileSection[] }
  | { kind: "no-match" };

/** Score points one unit of kind weight is worth, comparable to one rare-word BM25 match. */
export const KIND_POINTS = 2;
/** Below this a word match is too common across passages to count as evidence. */
export const MIN_BM25_EVIDENCE = 0.5;
/** Kind evidence alone must be this strong; stronger still when other words of the question found nothing. */
const MIN_KIND_EVIDENCE = 0.5;
const MIN_KIND_EVIDENCE_WITH_UNMATCHED_WORDS = 1;
/** Kind weights this strong come from a word of the question ("study"), not only its question word ("where"). */
const KIND_FROM_A_WORD = 0.8;
/** How much what a yes-or-no asks for counts, among passages that name its thing. */
const YES_NO_KIND_SHARE = 0.5;
/** Kinds of question only a passage that holds a date or a number answers. */
export const MEASURED_KINDS = ["duration", "quantity"] as const;

/** bm25 scores every match; `found` only those strong enough to find an answer on their own. */
export type Evidence = { bm25: number; found: number; kind: number };

/** A question as retrieval weighs it against this profile. */
export type QuestionSignals = {
  reading: QuestionReading;
  /** Summed kind weight per passage: what the question asks for, that the passage answers. */
  kindWeights: number[];
  hasUnmatchedWords: boolean;
  /** A thing the question names that the profile never mentions ("what school did her kids go to?"). */
  hasUnmatchedThing: boolean;
  /** A name the profile never mentions ("which Premier League team does she support?"): nothing here answers. */
  hasUnmatchedName: boolean;
};

export function analyseQuestion(text: string, facts: ProfileFacts): QuestionSignals {
  const reading = facts.lexicon.question(text, facts.ownerName);
  const kindWeights = facts.passages.map(() => 0);
  let unansweredKind = false;
  for (const [kind, weight] of reading.kinds) {
    // A date or a number narrows what answers; alone it answers nothing ("how much does she earn?").
    if ((MEASURED_KINDS as readonly string[]).includes(kind)) continue;
    const answering = passagesAnswering(facts, kind);
    for (const [position, surely] of answering) kindWeights[position] += weight * surely;
    if (answering.size === 0 && weight >= KIND_FROM_A_WORD) unansweredKind = true;
  }
  // "Who did she work for?" on a profile without experience: "work" found nothing, so "who" alone
  // must not pass off the bio as an answer; nor "where" the location when she asks where Ada studied.
  const unmatched = reading.topics.filter((term) => !facts.index.contains(term));
  return {
    reading,
    kindWeights,
    hasUnmatchedWords: unansweredKind || unmatched.length > 0,
    hasUnmatchedThing: unmatched.some((term) => term.wordClass === "noun"),
    hasUnmatchedName: unmatched.some((term) => term.named),
  };
}

export function isRelevant(evidence: Evidence, signals: QuestionSignals): boolean {
  if (signals.hasUnmatchedName) return false;
  if (evidence.found >= MIN_BM25_EVIDENCE) return true;
  // What the question asks for is no answer when it is about something the profile never names.
  if (signals.hasUnmatchedThing) return false;
  const minKind = signals.hasUnmatchedWords ? MIN_KIND_EVIDENCE_WITH_UNMATCHED_WORDS : MIN_KIND_EVIDENCE;
  return evidence.kind >= minKind;
}

export function total(evidence: Evidence): number {
  return evidence.bm25 + KIND_POINTS * evidence.kind;
}

export function hasSignals(signals: QuestionSignals): boolean {
  return signals.reading.terms.length > 0 || signals.reading.kinds.size > 0;
}

export function evidenceFor(facts: ProfileFacts, signals: QuestionSignals, position: number): Evidence {
  const { reading } = signals;
  // About a thing, that is: "did he go to culinary school?" asks about school, which a kind answers.
  const yesNoAbout = reading.yesNo && reading.topics.length > 0;
  // A yes-or-no about something is answered by what names it, not by what kind of thing it is;
  // "Can he cook Thai food?" is not answered by "I cook French food".
  const kindWeight = signals.kindWeights[position] ?? 0;
  const kind = yesNoAbout ? 0 : kindWeight;
  // And by the thing itself: "does she play golf?" is not answered by "she plays the veena",
  // though "does she mentor people?" is by "she mentors junior developers" ("people" names little).
  const things = reading.mustName.length > 0 ? reading.mustName : reading.topics;
  const none = { bm25: 0, found: 0, kind };
  // "How long has she farmed?", "how many sheep?": only a passage that dates or counts answers.
  for (const measured of MEASURED_KINDS) {
    if ((reading.kinds.get(measured) ?? 0) >= 1 && !facts.answers[position]?.has(measured)) {
      return { bm25: 0, found: 0, kind: 0 };
    }
  }
  // Weighed one by one only for a yes-or-no, the one kind of question that must name them.
  const named = yesNoAbout ? things.filter((thing) => facts.index.score(position, [thing]) > 0) : [];
  if (yesNoAbout && named.length === 0) return none;
  if (reading.mustNameEvery && named.length < reading.mustName.length) return none;
  // "Cares for critically ill children" is no answer to "does she have children?".
  const text = facts.passages[position]?.text ?? "";
  if (reading.asksPossession && !reading.topics.some((term) => facts.lexicon.possesses(text, term))) return none;
  // "What are her political views?" is not found by "she studied politics".
  const finding = reading.terms.filter(
    (term) =>
      term.modifies === undefined ||
      reading.terms.some((head) => head.lemma === term.modifies && facts.index.contains(head)),
  );
  return {
    bm25: facts.index.score(position, reading.terms),
    found: facts.index.score(position, finding, { derived: false }),
    // Among the passages that name it, the kind still tells which says it: "can she speak Irish?"
    // is answered by her languages, not by the Irish crime fiction she reads.
    kind: yesNoAbout && named.length > 0 ? kindWeight * YES_NO_KIND_SHARE : kind,
  };
}

export function ranked(facts: ProfileFacts, positions: number[], current: QuestionSignals): RankedPassage[] {
  return positions.map((position) => {
    const evidence = evidenceFor(facts, current, position);
    return { ...facts.passages[position], position, score: total(evidence), matchedWords: evidence.bm25 > 0 };
  });
}
