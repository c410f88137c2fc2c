import "server-only";
import type { KindWeights, QuestionKind, QuestionReading, Term } from "@/lib/language/analysis";
import { KINDS, type KindWords } from "./kind-words";
import { readWords, type Word } from "./lemmatizer";
import { ENGLISH_QUESTION_KINDS } from "./question-kinds";
import { sharesAny } from "./words";

// How an English question is read: its terms, the kinds of thing it asks for, and its shape
// (yes-or-no, tense, pointing back, asking for what came before).

const BARE_DO_OVERVIEW = 1;
const KIND_BY_RELATED = 0.8;
const KIND_BY_BROADER = 0.6;
/** "Does she ...", "Is he ...", "Can they ...": a question that opens with its verb asks yes or no. */
const YES_NO_OPENERS = new Set(["do", "be", "can", "could", "have", "will", "would", "should", "may", "might"]);
/** "How long", "how many years", "since when": the question asks for a span of time. */
const ASKS_DURATION = /\bhow long\b|\bhow many (years|months)\b|\bsince when\b/i;
/** Words "how long" and "how many years" are made of: the question's shape, not its topic. */
const DURATION_WORDS = new Set(["long", "many", "year", "month"]);
/** "There", "it", "that": the question points back at what the last answer was about. */
const POINTS_BACK = /\b(there|it|that|this|them)\b/i;
const EARLIER_THAN = /\b(before|earlier|prior|previously)\b/i;
const PRESENT_TENSE = /\b(does|do|is|are|now|currently|current|today)\b|\b(what|where|who|how)['’]s\b/i;
const PAST_TENSE = /\b(did|was|were|before|previously|earlier|used|first|started)\b/i;
/** "How long has she been there?", "how long have they had it?": a span that runs to now. */
const UNTIL_NOW = /\b(has|have)\b/i;
const CLAUSE_BREAK = /\s+and\s+|[,;]\s*/i;
/** Names joined by these are alternatives, any of which answers. */
const ALTERNATIVES = /\b(and|or)\b|,/i;
const STATIVE_VERB_CATEGORY = "verb.stative";
const COMMUNICATION_VERB_CATEGORY = "verb.communication";
/** What someone "has" as family or companions: people and animals. */
const KIN_CATEGORIES = new Set(["noun.person", "noun.animal"]);

/** What reading a question needs of the lexicon: terms of words (compounds standing for their words), and the kinds. */
export interface QuestionReader {
  termsOf(words: readonly Word[], compoundsReplaceWords: boolean): Term[];
  kinds: ReadonlyMap<QuestionKind, KindWords>;
}

export function readQuestion(reader: QuestionReader, text: string, ignore: string | null): QuestionReading {
  const words = readWords(text);
  const ignored = new Set(ignore ? readWords(ignore).map((word) => word.lemma) : []);
  const asksDuration = ASKS_DURATION.test(text);
  const kinds = new Map<QuestionKind, number>();
  const raise = (kind: QuestionKind, weight: number) => kinds.set(kind, Math.max(kinds.get(kind) ?? 0, weight));
  // "What does she do outside work?": a phrase that asks for a kind, whose words ask nothing else.
  const phrased = new Set<string>();
  const lowered = ` ${words.map((word) => word.text).join(" ")} `;
  for (const kind of KINDS) {
    for (const phrase of ENGLISH_QUESTION_KINDS[kind].phrases ?? []) {
      if (!lowered.includes(` ${phrase} `)) continue;
      raise(kind, 1);
      for (const word of readWords(phrase)) phrased.add(word.lemma);
    }
  }
  // "Tell me more", "describe her work": a request to speak opens the question, and is not its topic.
  const opener = words[0];
  const request = opener?.tag === "VERB" ? opener.lemma : null;
  // "How old is she?", "how tall?": the adjective names a measure the question asks for.
  const measure = opener?.text === "how" && /^(ADJ|ADV)$/.test(words[1]?.tag ?? "") ? words[1].lemma : null;
  const terms = reader
    .termsOf(words, true)
    .filter(
      (term) =>
        !ignored.has(term.lemma) &&
        !phrased.has(term.lemma) &&
        !(asksDuration && DURATION_WORDS.has(term.lemma)) &&
        !(term.lemma === request && term.categories[0] === COMMUNICATION_VERB_CATEGORY) &&
        term.lemma !== measure,
    );
  const topics: Term[] = [];
  for (const term of terms) {
    let anchored = false;
    // "Programming languages" asks about languages: a compound is a kind of its last word.
    const head = term.lemma.split(" ").at(-1) ?? term.lemma;
    for (const [kind, { anchors, said, meanings }] of reader.kinds) {
      if (said.has(term.lemma) || said.has(head))
        raise(kind, anchors.has(term.lemma) || anchors.has(head) ? 1 : KIND_BY_RELATED);
      else if (sharesAny(term.meanings, meanings) || sharesAny(term.derived, anchors) || namesAnchor(term, anchors))
        raise(kind, KIND_BY_RELATED);
      else {
        // "Sport" is a kind of recreation: a question about leisure, but still about sport.
        if (sharesAny(term.broaderMeanings, meanings)) raise(kind, KIND_BY_BROADER);
        continue;
      }
      anchored = true;
    }
    if (anchored) term.asksKind = true;
    else topics.push(term);
  }
  // "Culinary school" asks about a school: an adjective before a word that says what kind of
  // thing is asked narrows it, and names nothing of its own to look for. Before any other noun
  // it says which one ("political views"), and finds nothing where the noun isn't.
  const asked = new Set(terms.filter((term) => term.asksKind).map((term) => term.lemma));
  for (const [index, word] of words.entries()) {
    const next = words.slice(index + 1).find((other) => !other.stop);
    if (word.wordClass !== "adjective" || next?.wordClass !== "noun") continue;
    const modifier = topics.findIndex((term) => term.lemma === word.lemma);
    if (modifier < 0) continue;
    if (asked.has(next.lemma)) topics.splice(modifier, 1);
    else topics[modifier].modifies = next.lemma;
  }
  // A question word asks on its own only in a clause whose words ask nothing: "where does she
  // work?" asks for the workplace, not the location; "where is she from, and what does she do for
  // fun?" asks both.
  const clauses = text
    .split(CLAUSE_BREAK)
    .map((clause) => new Set(readWords(clause).flatMap((word) => [word.text, word.lemma])));
  for (const kind of KINDS) {
    const { interrogatives = {}, askedByStativeVerbs } = ENGLISH_QUESTION_KINDS[kind];
    for (const clause of clauses) {
      const asked = Object.entries(interrogatives).filter(([word]) => clause.has(word));
      if (asked.length === 0) continue;
      const inClause = (term: Term) => term.lemma.split(" ").some((word) => clause.has(word)) || clause.has(term.lemma);
      // "Where is she based?", "where does he stay?": a verb of being somewhere asks the
      // interrogative's question itself.
      const stative = askedByStativeVerbs
        ? topics.filter((term) => term.categories.includes(STATIVE_VERB_CATEGORY) && inClause(term))
        : [];
      if (stative.length > 0) {
        raise(kind, 1);
        for (const term of stative) topics.splice(topics.indexOf(term), 1);
      } else if (!terms.some((term) => term.asksKind && inClause(term))) {
        raise(
          kind,
          Math.min(
            1,
            asked.reduce((sum, [, weight]) => sum + weight, 0),
          ),
        );
      }
    }
  }
  if (asksDuration) raise("duration", 1);
  // "What does she do?", "What do they do?": the verb do with nothing else asks for the role,
  // which the bio often says best ("Sam is an architect who ...").
  if (
    terms.length === 0 &&
    kinds.size === 0 &&
    words[0]?.text === "what" &&
    words.slice(2).some((word) => word.lemma === "do")
  ) {
    raise("role", 1);
    raise("overview", BARE_DO_OVERVIEW);
  }
  const yesNo = opener !== undefined && opener.tag === "AUX" && YES_NO_OPENERS.has(opener.lemma);
  // "Does she have kids?", "has he got a dog?": whether someone or something is theirs.
  const asksPossession =
    yesNo &&
    words.some((word, index) => index > 0 && word.lemma === "have") &&
    topics.some((term) => term.categories[0] !== undefined && KIN_CATEGORIES.has(term.categories[0]));
  const tense = PAST_TENSE.test(text)
    ? "past"
    : PRESENT_TENSE.test(text) || (asksDuration && UNTIL_NOW.test(text))
      ? "present"
      : null;
  return {
    terms,
    kinds: kinds as KindWeights,
    yesNo,
    topics,
    tense,
    asksPossession,
    mustName: yesNo ? particulars(topics) : [],
    mustNameEvery: !ALTERNATIVES.test(text),
    pointsBack: POINTS_BACK.test(text),
    // "Since when?", "Which university?": no verb, so it leans on the question before it.
    elliptical: !words.some((word) => word.tag === "VERB" || word.tag === "AUX") && terms.length <= 1,
    asksEarlier: EARLIER_THAN.test(text),
  };
}

/**
 * A word one of whose senses is an anchor that ends in it: "degree" is, in one sense, the academic
 * degree, so "does she have a degree?" asks about her education.
 */
function namesAnchor(term: Term, anchors: ReadonlySet<string>): boolean {
  return [...anchors].some((anchor) => anchor.endsWith(` ${term.lemma}`) && term.anySense.has(anchor));
}

/**
 * What a yes-or-no must find named to be answered: its names ("Thai", "AutoCAD"), else its
 * particular words ("golf", "shear"; not "people" or "play").
 */
function particulars(topics: readonly Term[]): Term[] {
  const names = topics.filter((term) => term.named);
  return names.length > 0 ? names : topics.filter((term) => term.specific);
}
