import {
  analyseQuestion,
  evidenceFor,
  isRelevant,
  MEASURED_KINDS,
  MIN_BM25_EVIDENCE,
  type QuestionSignals,
  type RetrievalQuery,
  type RetrievalResult,
  ranked,
} from "./evidence";
import { quotedIn } from "./passages";
import type { ProfileFacts } from "./profile-facts";

// Questions that lean on the conversation: "and before that?", "how long was she there?", "where
// did she work before Mollie?".

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
export function resolveBeforeNamed(facts: ProfileFacts, current: QuestionSignals): RetrievalResult | null {
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
export function resolvePointingBack(query: RetrievalQuery, facts: ProfileFacts): RetrievalResult | null {
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
