import type { Lexicon, QuestionReading, Term } from "@/lib/language/analysis";
import type { OwnerProfile, ProfileSection } from "../instructions";
import { type Passage, quotedIn, splitProfileIntoPassages } from "./passages";
import { type ProfileFacts, passagesAnswering, readProfile } from "./profile-facts";

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
const KIND_POINTS = 2;
/** Below this a word match is too common across passages to count as evidence. */
const MIN_BM25_EVIDENCE = 0.5;
/** Kind evidence alone must be this strong; stronger still when other words of the question found nothing. */
const MIN_KIND_EVIDENCE = 0.5;
const MIN_KIND_EVIDENCE_WITH_UNMATCHED_WORDS = 1;
/** Kind weights this strong come from a word of the question ("study"), not only its question word ("where"). */
const KIND_FROM_A_WORD = 0.8;
const PREVIOUS_QUESTION_WEIGHT = 0.35;
/** How much what a yes-or-no asks for counts, among passages that name its thing. */
const YES_NO_KIND_SHARE = 0.5;
/** Kinds of question only a passage that holds a date or a number answers. */
const MEASURED_KINDS = ["duration", "quantity"] as const;
const ALREADY_SAID_FACTOR = 0.5;
/** Passages scoring within this fraction of the best one join the answer. */
const KEEP_RATIO = 0.85;
/** A second section also joins on evidence this strong (one strong kind): "where is she based and what are her hobbies?" */
const SECOND_SECTION_MIN_SCORE = KIND_POINTS;
const MAX_SECTIONS = 2;
const MAX_PASSAGES_PER_SECTION = 3;

/** bm25 scores every match; `found` only those strong enough to find an answer on their own. */
type Evidence = { bm25: number; found: number; kind: number };

/** A question as retrieval weighs it against this profile. */
type QuestionSignals = {
  reading: QuestionReading;
  /** Summed kind weight per passage: what the question asks for, that the passage answers. */
  kindWeights: number[];
  hasUnmatchedWords: boolean;
  /** A thing the question names that the profile never mentions ("what school did her kids go to?"). */
  hasUnmatchedThing: boolean;
  /** A name the profile never mentions ("which Premier League team does she support?"): nothing here answers. */
  hasUnmatchedName: boolean;
};

function analyseQuestion(text: string, facts: ProfileFacts): QuestionSignals {
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

function isRelevant(evidence: Evidence, signals: QuestionSignals): boolean {
  if (signals.hasUnmatchedName) return false;
  if (evidence.found >= MIN_BM25_EVIDENCE) return true;
  // What the question asks for is no answer when it is about something the profile never names.
  if (signals.hasUnmatchedThing) return false;
  const minKind = signals.hasUnmatchedWords ? MIN_KIND_EVIDENCE_WITH_UNMATCHED_WORDS : MIN_KIND_EVIDENCE;
  return evidence.kind >= minKind;
}

function total(evidence: Evidence): number {
  return evidence.bm25 + KIND_POINTS * evidence.kind;
}

function hasSignals(signals: QuestionSignals): boolean {
  return signals.reading.terms.length > 0 || signals.reading.kinds.size > 0;
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
 * A question about the present that found experience only through what it asks for ("where does
 * she work now?", "what does she do?") gets the current role, not the whole history.
 */
function currentRoleOnly(relevant: RankedPassage[], reading: QuestionReading): RankedPassage[] {
  if (reading.tense !== "present") return relevant;
  const roles = relevant.filter((passage) => passage.section === "experience");
  if (roles.length < 2 || roles.some((passage) => passage.matchedWords)) return relevant;
  const current = Math.min(...roles.map((passage) => passage.position));
  return relevant.filter((passage) => passage.section !== "experience" || passage.position === current);
}

function evidenceFor(facts: ProfileFacts, signals: QuestionSignals, position: number): Evidence {
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
  const named = things.filter((thing) => facts.index.score(position, [thing]) > 0);
  if (yesNoAbout && things.length > 0 && named.length === 0) return none;
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

function ranked(facts: ProfileFacts, positions: number[], current: QuestionSignals): RankedPassage[] {
  return positions.map((position) => {
    const evidence = evidenceFor(facts, current, position);
    return { ...facts.passages[position], position, score: total(evidence), matchedWords: evidence.bm25 > 0 };
  });
}

/**
 * What came before the referents: owners list their roles most recent first, so the next period
 * of the owner's life after the last of them in its section (not the next detail of this one).
 */
function periodBefore(facts: ProfileFacts, referents: number[], current: QuestionSignals): RetrievalResult {
  const { passages } = facts;
  const last = roleOf(facts, referents[referents.length - 1]);
  const section = passages[last].section;
  const later = passages.flatMap((passage, position) =>
    position > last && passage.section === section ? [position] : [],
  );
  if (later.length === 0) return { kind: "exhausted", sections: [section] };
  // A new paragraph or list item is a new period; within one, a sentence that dates itself is.
  const next =
    later.find((position) => passages[position].block > passages[last].block) ??
    later.find((position) => facts.lexicon.startsPeriod(passages[position].text)) ??
    later[0];
  return { kind: "match", passages: ranked(facts, [next], current) };
}

/**
 * Where a referent sits among the owner's roles: itself, or, for a bio sentence that says what
 * they do now ("I'm the head chef of Maison Brune"), the experience passage that says it too.
 */
function roleOf(facts: ProfileFacts, position: number): number {
  const { passages, lexicon, index } = facts;
  if (passages[position].section === "experience") return position;
  const said = lexicon.terms(passages[position].text);
  let best = position;
  let bestScore = 0;
  passages.forEach((passage, candidate) => {
    if (passage.section !== "experience") return;
    const score = index.score(candidate, said);
    if (score > bestScore) [best, bestScore] = [candidate, score];
  });
  return best;
}

/** "Where did she work before Mollie?": what came before the passage the question names. */
function resolveBeforeNamed(facts: ProfileFacts, current: QuestionSignals): RetrievalResult | null {
  const { reading } = current;
  if (!reading.asksEarlier || reading.topics.length === 0) return null;
  const scores = facts.passages.map((_, position) => facts.index.score(position, reading.topics));
  const top = Math.max(0, ...scores);
  if (top < MIN_BM25_EVIDENCE) return null;
  const named = scores.flatMap((score, position) => (score === top ? [position] : []));
  return periodBefore(facts, named, current);
}

/**
 * "How long has she been there?", "When did he leave it?", "And before that?": the question points
 * back at what the last answer quoted, narrowed to what the last question named (the company or
 * project), or at the entry after it. Null when the question does not point back, or when its own
 * words find something else ("is it true she knows Rust?").
 */
function resolvePointingBack(query: RetrievalQuery, facts: ProfileFacts): RetrievalResult | null {
  const lastAnswer = query.earlierAnswers?.[0];
  const lastQuestion = query.earlierQuestions?.[0];
  if (lastAnswer === undefined || lastQuestion === undefined) return null;
  const current = analyseQuestion(query.question, facts);
  const { pointsBack, elliptical } = current.reading;
  if (!pointsBack && !elliptical) return null;
  const { passages, index } = facts;
  // Every lead-in says the owner's name; the name is never what "there" points at.
  const quoted = passages.flatMap((passage, position) =>
    passage.section !== "name" && quotedIn(lastAnswer, passage.text) ? [position] : [],
  );
  if (quoted.length === 0) return null;

  const named = analyseQuestion(lastQuestion, facts).reading.terms;
  const scores = quoted.map((position) => index.score(position, named));
  const top = Math.max(...scores);
  const referents = top > 0 ? quoted.filter((_, at) => scores[at] === top) : quoted;

  if (current.reading.asksEarlier) return periodBefore(facts, referents, current);
  // "Since when?" is answered by what the last answer said that holds a date.
  const measured = MEASURED_KINDS.filter((kind) => (current.reading.kinds.get(kind) ?? 0) >= 1);
  const answering = referents.filter(
    (position) =>
      isRelevant(evidenceFor(facts, current, position), current) ||
      (measured.length > 0 && measured.every((kind) => facts.answers[position]?.has(kind))),
  );
  const foundElsewhere = passages.some(
    (_, position) => !referents.includes(position) && index.score(position, current.reading.terms) >= MIN_BM25_EVIDENCE,
  );
  // Said too little to point anywhere ("And her hobbies?"): only an answer that narrows the last one counts.
  if (answering.length === 0 && (foundElsewhere || !pointsBack)) return null;
  return { kind: "match", passages: ranked(facts, answering.length > 0 ? answering : referents, current) };
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
    } else if (earlierAnswers[0] !== undefined && quotedIn(earlierAnswers[0], passage.text)) {
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
