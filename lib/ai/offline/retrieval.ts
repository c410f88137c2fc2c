import type { Lexicon, QuestionReading, Term } from "@/lib/language/analysis";
import type { OwnerProfile, ProfileSection } from "../instructions";
import {
  analyseQuestion,
  evidenceFor,
  hasSignals,
  isRelevant,
  KIND_POINTS,
  type RankedPassage,
  type RetrievalQuery,
  type RetrievalResult,
  total,
} from "./evidence";
import { resolveBeforeNamed, resolvePointingBack } from "./follow-ups";
import { quotedIn, splitProfileIntoPassages } from "./passages";
import { type ProfileFacts, readProfile } from "./profile-facts";

const PREVIOUS_QUESTION_WEIGHT = 0.35;
const ALREADY_SAID_FACTOR = 0.5;
/** Passages scoring within this fraction of the best one join the answer. */
const KEEP_RATIO = 0.85;
/** A second section also joins on evidence this strong (one strong kind): "where is she based and what are her hobbies?" */
const SECOND_SECTION_MIN_SCORE = KIND_POINTS;
const MAX_SECTIONS = 2;
const MAX_PASSAGES_PER_SECTION = 3;

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
 * A question about the present that found experience only through what it asks for ("where does
 * she work now?", "what does she do?") gets the current role, not the whole history.
 */
function currentRoleOnly(relevant: RankedPassage[], reading: QuestionReading): RankedPassage[] {
  // A yes-or-no asks whether something is so, not what is so now: "does she have a degree?" is
  // answered by the passage that says it, wherever it stands in her career.
  if (reading.tense !== "present" || reading.yesNo) return relevant;
  const roles = relevant.filter((passage) => passage.section === "experience");
  if (roles.length < 2 || roles.some((passage) => passage.matchedWords)) return relevant;
  const current = Math.min(...roles.map((passage) => passage.position));
  return relevant.filter((passage) => passage.section !== "experience" || passage.position === current);
}

/** Whether the passage's own words found it, beyond the words that only say what kind of thing is asked. */
function foundByOwnWords(facts: ProfileFacts, position: number, topics: Term[]): boolean {
  return facts.index.score(position, topics) > 0;
}

/**
 * Ranks profile passages against the question with BM25 over word meanings plus the kinds of
 * question they answer, folding in the previous question at a lighter weight, and keeps only the
 * few that clear the evidence bar. The lexicon must have been prepared with the profile and the
 * questions (lib/ai/offline/reading.ts).
 */
export function retrievePassages(profile: OwnerProfile, query: RetrievalQuery, lexicon: Lexicon): RetrievalResult {
  const facts = readProfile(profile, splitProfileIntoPassages(profile), lexicon);
  const pointedBack = resolvePointingBack(query, facts);
  if (pointedBack) return pointedBack;

  const earlierQuestions = (query.earlierQuestions ?? []).map((text) => analyseQuestion(text, facts));
  const earlierAnswers = query.earlierAnswers ?? [];

  const current = analyseQuestion(query.question, facts);
  const beforeNamed = resolveBeforeNamed(facts, current);
  if (beforeNamed?.kind === "match") return beforeNamed;
  // "Tell me more" or "and?" carries no topic of its own: the latest question that had one supplies it.
  const isBareFollowUp = !hasSignals(current);
  const deciding = isBareFollowUp ? earlierQuestions.find(hasSignals) : current;
  if (!deciding) return { kind: "no-match" };
  const previous = isBareFollowUp ? undefined : earlierQuestions[0];

  const relevant: RankedPassage[] = [];
  const alreadySaid = new Set<ProfileSection>();
  facts.passages.forEach((passage, position) => {
    const decidingEvidence = evidenceFor(facts, deciding, position);
    if (!isRelevant(decidingEvidence, deciding)) return;
    const previousScore = previous ? total(evidenceFor(facts, previous, position)) : 0;
    let score = total(decidingEvidence) + PREVIOUS_QUESTION_WEIGHT * previousScore;
    if (isBareFollowUp) {
      // "More" means something not said yet in this conversation.
      if (earlierAnswers.some((answer) => quotedIn(answer, passage.text))) {
        alreadySaid.add(passage.section);
        return;
      }
    } else if (!current.reading.yesNo && earlierAnswers[0] !== undefined && quotedIn(earlierAnswers[0], passage.text)) {
      // A yes-or-no asks whether something is so: the sentence that says it answers it again
      // ("where did she study law?", then "does she have a degree?").
      score *= ALREADY_SAID_FACTOR;
    }
    relevant.push({
      ...passage,
      score,
      position,
      matchedWords: foundByOwnWords(facts, position, deciding.reading.topics),
    });
  });

  if (relevant.length > 0) {
    const kept = isBareFollowUp ? relevant : currentRoleOnly(relevant, current.reading);
    return { kind: "match", passages: selectPassages(kept) };
  }
  if (alreadySaid.size > 0) return { kind: "exhausted", sections: [...alreadySaid] };
  return { kind: "no-match" };
}
