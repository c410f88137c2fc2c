import type { OwnerProfile, ProfileSection } from "../instructions";
import { type Passage, splitProfileIntoPassages } from "./passages";
import { hintedSections, sectionHints } from "./section-hints";
import { contentTerms, stem, tokenize } from "./text-analysis";

export type RankedPassage = Passage & {
  score: number;
  /** Index in profile order, so answers can quote passages in the order the owner wrote them. */
  position: number;
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
  const terms = new Set(contentTerms(text).filter((term) => !facts.nameStems.has(term)));
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
 * Ranks profile passages against the question with BM25 plus section hints, folding in the
 * previous question at a lighter weight, and keeps only the few that clear the evidence bar.
 */
export function retrievePassages(profile: OwnerProfile, query: RetrievalQuery): RetrievalResult {
  const passages = splitProfileIntoPassages(profile);
  const index = new Bm25Index(passages.map((passage) => contentTerms(passage.text)));
  const facts: ProfileFacts = {
    index,
    nameStems: new Set(tokenize(profile.name ?? "").map(stem)),
    sections: new Set(passages.map((passage) => passage.section)),
  };
  const earlierQuestions = (query.earlierQuestions ?? []).map((text) => analyseQuestion(text, facts));
  const earlierAnswers = query.earlierAnswers ?? [];

  const current = analyseQuestion(query.question, facts);
  // "Tell me more" or "and?" carries no topic of its own: the latest question that had one supplies it.
  const isBareFollowUp = !hasSignals(current);
  const deciding = isBareFollowUp ? earlierQuestions.find(hasSignals) : current;
  if (!deciding) return { kind: "no-match" };
  const previous = isBareFollowUp ? undefined : earlierQuestions[0];

  const evidenceFor = (signals: QuestionSignals, passageIndex: number, section: ProfileSection): Evidence => ({
    bm25: index.score(passageIndex, signals.terms),
    hint: signals.hints.get(section) ?? 0,
  });

  const relevant: RankedPassage[] = [];
  const alreadySaid = new Set<ProfileSection>();
  passages.forEach((passage, position) => {
    const decidingEvidence = evidenceFor(deciding, position, passage.section);
    if (!isRelevant(decidingEvidence, deciding)) return;
    const previousScore = previous ? total(evidenceFor(previous, position, passage.section)) : 0;
    let score = total(decidingEvidence) + PREVIOUS_QUESTION_WEIGHT * previousScore;
    if (isBareFollowUp) {
      // "More" means something not said yet in this conversation.
      if (earlierAnswers.some((answer) => answer.includes(passage.text))) {
        alreadySaid.add(passage.section);
        return;
      }
    } else if (earlierAnswers[0]?.includes(passage.text)) {
      score *= ALREADY_SAID_FACTOR;
    }
    relevant.push({ ...passage, score, position });
  });

  if (relevant.length > 0) return { kind: "match", passages: selectPassages(relevant) };
  if (alreadySaid.size > 0) return { kind: "exhausted", sections: [...alreadySaid] };
  return { kind: "no-match" };
}
