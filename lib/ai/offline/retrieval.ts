import type { OwnerProfile, ProfileSection } from "../instructions";
import { type Passage, quotedIn, splitProfileIntoPassages } from "./passages";
import { hintedSections, sectionHints } from "./section-hints";
import { contentTerms, nameStems, questionTerms } from "./text-analysis";

export type RankedPassage = Passage & {
  score: number;
  /** Index in profile order, so answers can quote passages in the order the owner wrote them. */
  position: number;
  /** Whether words of the question found it, beyond those that only hint at its section ("work" for experience). */
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

const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Score points one unit of hint weight is worth, comparable to one rare-word BM25 match. */
const HINT_POINTS = 2;
/** Below this a word match is too common across passages to count as evidence. */
const MIN_BM25_EVIDENCE = 0.5;
/** A hint alone must be this strong; stronger still when other words of the question found nothing. */
const MIN_HINT_EVIDENCE = 0.5;
const MIN_HINT_EVIDENCE_WITH_UNMATCHED_WORDS = 1;
const PREVIOUS_QUESTION_WEIGHT = 0.35;
const ALREADY_SAID_FACTOR = 0.5;
/** Passages scoring within this fraction of the best one join the answer. */
const KEEP_RATIO = 0.85;
/** A second section also joins on evidence this strong (one strong hint word): "where is she based and what are her hobbies?" */
const SECOND_SECTION_MIN_SCORE = HINT_POINTS;
const MAX_SECTIONS = 2;
const MAX_PASSAGES_PER_SECTION = 3;

/** "there", "it", "that": the question points back at what the last answer was about. */
const POINTS_BACK = /\b(there|it|that|this|them)\b/i;
/** "And before that?": owners list their roles most recent first, so the one after the last quoted. */
const EARLIER_THAN = /\b(before|earlier|prior|previously)\b/i;
/** "Where does she work?" asks for the current role: the first the owner lists. */
const PRESENT_TENSE = /\b(does|do|is|are|now|currently|current|today)\b/i;
/** A passage that starts another period: it names a year or opens with "Before that,", "Earlier still,". */
const NEW_PERIOD = /\b(19|20)\d\d\b|^(before|after|earlier|later|prior|then|since)\b/i;
const PAST_TENSE = /\b(did|was|were|before|previously|earlier|used|first|started)\b/i;

type Evidence = { bm25: number; hint: number };

class Bm25Index {
  private readonly documents: string[][];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(documents: string[][]) {
    this.documents = documents;
    for (const terms of documents) {
      for (const term of new Set(terms)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    const totalLength = documents.reduce((sum, terms) => sum + terms.length, 0);
    this.averageLength = documents.length === 0 ? 0 : totalLength / documents.length;
  }

  contains(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  score(documentIndex: number, queryTerms: Iterable<string>): number {
    const terms = this.documents[documentIndex] ?? [];
    const lengthNorm = 1 - BM25_B + BM25_B * (terms.length / (this.averageLength || 1));
    let total = 0;
    for (const term of queryTerms) {
      const frequency = terms.filter((candidate) => candidate === term).length;
      if (frequency === 0) continue;
      const containing = this.documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (this.documents.length - containing + 0.5) / (containing + 0.5));
      total += (idf * frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * lengthNorm);
    }
    return total;
  }
}

type QuestionSignals = {
  terms: Set<string>;
  hints: Map<ProfileSection, number>;
  hasUnmatchedWords: boolean;
};

type ProfileFacts = {
  index: Bm25Index;
  /** Stems of the owner's name: they say who a question is about, not what it is about. */
  nameStems: Set<string>;
  sections: Set<ProfileSection>;
};

function analyseQuestion(text: string, facts: ProfileFacts): QuestionSignals {
  const terms = new Set(questionTerms(text).filter((term) => !facts.nameStems.has(term)));
  // "Who did she work for?" on a profile without experience: "work" found nothing, so "who" alone
  // must not pass off the bio as an answer.
  const hasUnmatchedWords = [...terms].some(
    (term) => !facts.index.contains(term) && !hintedSections(term).some((section) => facts.sections.has(section)),
  );
  return { terms, hints: sectionHints(text), hasUnmatchedWords };
}

function isRelevant(evidence: Evidence, signals: QuestionSignals): boolean {
  const minHint = signals.hasUnmatchedWords ? MIN_HINT_EVIDENCE_WITH_UNMATCHED_WORDS : MIN_HINT_EVIDENCE;
  return evidence.bm25 >= MIN_BM25_EVIDENCE || evidence.hint >= minHint;
}

function total(evidence: Evidence): number {
  return evidence.bm25 + HINT_POINTS * evidence.hint;
}

function hasSignals(signals: QuestionSignals): boolean {
  return signals.terms.size > 0 || signals.hints.size > 0;
}

/** Best sections first; within each, the passages close to that section's best, in profile order. */
function selectPassages(relevant: RankedPassage[]): RankedPassage[] {
  // Stable sort keeps profile order among equal scores, so answers are deterministic.
  const ranked = [...relevant].sort((a, b) => b.score - a.score);
  const best = ranked[0]?.score ?? 0;
  const sectionBest = new Map<ProfileSection, number>();
  for (const passage of ranked) if (!sectionBest.has(passage.section)) sectionBest.set(passage.section, passage.score);

  const sections = [...sectionBest.entries()]
    .filter(([, score], rank) => rank === 0 || score >= Math.min(best * KEEP_RATIO, SECOND_SECTION_MIN_SCORE))
    .slice(0, MAX_SECTIONS);
  return sections
    .flatMap(([section, top]) =>
      ranked
        .filter((passage) => passage.section === section && passage.score >= top * KEEP_RATIO)
        .slice(0, MAX_PASSAGES_PER_SECTION),
    )
    .sort((a, b) => a.position - b.position);
}

/**
 * A question about the present that found experience only through hint words ("where does she
 * work now?") gets the current role, not the whole history.
 */
function currentRoleOnly(relevant: RankedPassage[], question: string): RankedPassage[] {
  if (!PRESENT_TENSE.test(question) || PAST_TENSE.test(question)) return relevant;
  const roles = relevant.filter((passage) => passage.section === "experience");
  if (roles.length < 2 || roles.some((passage) => passage.matchedWords)) return relevant;
  const current = Math.min(...roles.map((passage) => passage.position));
  return relevant.filter((passage) => passage.section !== "experience" || passage.position === current);
}

/**
 * "How long has she been there?", "When did he leave it?", "And before that?": the question points
 * back at what the last answer quoted, narrowed to what the last question named (the company or
 * project), or at the entry after it. Null when the question does not point back, or when its own
 * words find something else ("is it true she knows Rust?").
 */
function resolvePointingBack(
  query: RetrievalQuery,
  passages: Passage[],
  facts: ProfileFacts,
  evidenceFor: (signals: QuestionSignals, passageIndex: number, section: ProfileSection) => Evidence,
): RetrievalResult | null {
  const lastAnswer = query.earlierAnswers?.[0];
  const lastQuestion = query.earlierQuestions?.[0];
  if (lastAnswer === undefined || lastQuestion === undefined || !POINTS_BACK.test(query.question)) return null;
  // Every lead-in says the owner's name; the name is never what "there" points at.
  const quoted = passages.flatMap((passage, position) =>
    passage.section !== "name" && quotedIn(lastAnswer, passage.text) ? [position] : [],
  );
  if (quoted.length === 0) return null;

  const named = analyseQuestion(lastQuestion, facts).terms;
  const scores = quoted.map((position) => facts.index.score(position, named));
  const top = Math.max(...scores);
  const referents = top > 0 ? quoted.filter((_, index) => scores[index] === top) : quoted;
  const ranked = (positions: number[], current: QuestionSignals): RankedPassage[] =>
    positions.map((position) => {
      const passage = passages[position];
      const evidence = evidenceFor(current, position, passage.section);
      return { ...passage, position, score: total(evidence), matchedWords: evidence.bm25 > 0 };
    });

  const current = analyseQuestion(query.question, facts);
  if (EARLIER_THAN.test(query.question)) {
    const last = referents[referents.length - 1];
    const section = passages[last].section;
    const later = passages.flatMap((passage, position) =>
      position > last && passage.section === section ? [position] : [],
    );
    if (later.length === 0) return { kind: "exhausted", sections: [section] };
    // The next period of the owner's life, not the next detail of this one.
    const next = later.find((position) => NEW_PERIOD.test(passages[position].text)) ?? later[0];
    return { kind: "match", passages: ranked([next], current) };
  }
  const answering = referents.filter((position) =>
    isRelevant(evidenceFor(current, position, passages[position].section), current),
  );
  const foundElsewhere = passages.some(
    (_, position) => !referents.includes(position) && facts.index.score(position, current.terms) >= MIN_BM25_EVIDENCE,
  );
  if (answering.length === 0 && foundElsewhere) return null;
  return { kind: "match", passages: ranked(answering.length > 0 ? answering : referents, current) };
}

/**
 * Ranks profile passages against the question with BM25 plus section hints, folding in the
 * previous question at a lighter weight, and keeps only the few that clear the evidence bar.
 */
export function retrievePassages(profile: OwnerProfile, query: RetrievalQuery): RetrievalResult {
  const passages = splitProfileIntoPassages(profile);
  const index = new Bm25Index(passages.map((passage) => contentTerms(passage.text)));
  const facts: ProfileFacts = {
    index,
    nameStems: nameStems(profile.name),
    sections: new Set(passages.map((passage) => passage.section)),
  };
  const evidenceFor = (signals: QuestionSignals, passageIndex: number, section: ProfileSection): Evidence => ({
    bm25: index.score(passageIndex, signals.terms),
    hint: signals.hints.get(section) ?? 0,
  });
  const pointedBack = resolvePointingBack(query, passages, facts, evidenceFor);
  if (pointedBack) return pointedBack;

  const earlierQuestions = (query.earlierQuestions ?? []).map((text) => analyseQuestion(text, facts));
  const earlierAnswers = query.earlierAnswers ?? [];

  const current = analyseQuestion(query.question, facts);
  // "Tell me more" or "and?" carries no topic of its own: the latest question that had one supplies it.
  const isBareFollowUp = !hasSignals(current);
  const deciding = isBareFollowUp ? earlierQuestions.find(hasSignals) : current;
  if (!deciding) return { kind: "no-match" };
  const previous = isBareFollowUp ? undefined : earlierQuestions[0];

  const relevant: RankedPassage[] = [];
  const alreadySaid = new Set<ProfileSection>();
  passages.forEach((passage, position) => {
    const decidingEvidence = evidenceFor(deciding, position, passage.section);
    if (!isRelevant(decidingEvidence, deciding)) return;
    const previousScore = previous ? total(evidenceFor(previous, position, passage.section)) : 0;
    let score = total(decidingEvidence) + PREVIOUS_QUESTION_WEIGHT * previousScore;
    if (isBareFollowUp) {
      // "More" means something not said yet in this conversation.
      if (earlierAnswers.some((answer) => quotedIn(answer, passage.text))) {
        alreadySaid.add(passage.section);
        return;
      }
    } else if (earlierAnswers[0] !== undefined && quotedIn(earlierAnswers[0], passage.text)) {
      score *= ALREADY_SAID_FACTOR;
    }
    const ownWords = [...deciding.terms].filter((term) => !hintedSections(term).includes(passage.section));
    relevant.push({ ...passage, score, position, matchedWords: index.score(position, ownWords) > 0 });
  });

  if (relevant.length > 0) {
    const kept = isBareFollowUp ? relevant : currentRoleOnly(relevant, query.question);
    return { kind: "match", passages: selectPassages(kept) };
  }
  if (alreadySaid.size > 0) return { kind: "exhausted", sections: [...alreadySaid] };
  return { kind: "no-match" };
}
