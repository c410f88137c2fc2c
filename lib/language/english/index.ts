import "server-only";
import { newStemmer } from "snowball-stemmers";
import type { ProfileSectionName } from "@/lib/constants";
import type {
  KindWeights,
  Lexicon,
  MatchOptions,
  QuestionKind,
  QuestionReading,
  Term,
  TextAnalysis,
} from "@/lib/language/analysis";
import { BoundedCache } from "../bounded-cache";
import { readWords, type Word } from "./lemmatizer";
import { ENGLISH_QUESTION_KINDS } from "./question-kinds";
import { sensesOf, type WordClass, type WordSenses } from "./wordnet";

// English, read with wink-nlp's lemmatizer and tagger and WordNet's meanings. Every word list a
// question is understood through comes from those two; the kinds of question are declared by a
// few anchors each (question-kinds.ts).

const SAME_STEM_MATCH = 0.9;
const BARE_DO_OVERVIEW = 1;
const SYNONYM_MATCH = 0.8;
const DERIVED_MATCH = 0.7;
const NARROWER_MATCH = 0.5;
const KIND_BY_RELATED = 0.8;
const KIND_BY_BROADER = 0.6;
/** Words a search may add for one word of the question: enough for its synonyms, bounded. */
const MAX_SEARCH_WORDS = 32;

const KINDS = Object.keys(ENGLISH_QUESTION_KINDS) as QuestionKind[];
const STEMMER = newStemmer("english");
/** "Does she ...", "Is he ...", "Can they ...": a question that opens with its verb asks yes or no. */
const YES_NO_OPENERS = new Set(["do", "be", "can", "could", "have", "will", "would", "should", "may", "might"]);
/** "How long", "how many years", "since when": the question asks for a span of time. */
const ASKS_DURATION = /\bhow long\b|\bhow many (years|months)\b|\bsince when\b/i;
/** A passage that dates something: a year, "five years", "since". */
const DATES_SOMETHING = /\b(19|20)\d\d\b|\b\w+ (years?|months?)\b|\bsince\b/i;
/** A passage that counts something: "900 ewes", "a team of nine". */
const COUNTS_SOMETHING =
  /\b\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|dozen)\b/i;
/** Words "how long" and "how many years" are made of: the question's shape, not its topic. */
const DURATION_WORDS = new Set(["long", "many", "year", "month"]);

/** "There", "it", "that": the question points back at what the last answer was about. */
const POINTS_BACK = /\b(there|it|that|this|them)\b/i;
const EARLIER_THAN = /\b(before|earlier|prior|previously)\b/i;
const PRESENT_TENSE = /\b(does|do|is|are|now|currently|current|today)\b|\b(what|where|who|how)['’]s\b/i;
const PAST_TENSE = /\b(did|was|were|before|previously|earlier|used|first|started)\b/i;
/** A passage that starts another period: it names a year or opens with "Before that,", "Earlier still,". */
const NEW_PERIOD = /\b(19|20)\d\d\b|^(before|after|earlier|later|prior|then|since)\b/i;

const ROLE_NOUN_CATEGORY = "noun.person";
/** A noun this many kinds deep in WordNet names a particular thing ("golf"); "people" is three. */
const SPECIFIC_NOUN_LEVELS = 4;
/** A verb with this few senses names a particular act ("shear", "mentor"); "play" has dozens. */
const SPECIFIC_VERB_SENSES = 6;
const CLAUSE_BREAK = /\s+and\s+|[,;]\s*/i;
/** How surely a sentence with a role noun answers what someone does, beside their experience. */
const ROLE_NOUN_WEIGHT = 0.5;
const STATIVE_VERB_CATEGORY = "verb.stative";
const COMMUNICATION_VERB_CATEGORY = "verb.communication";
/** What someone "has" as family or companions: people and animals. */
const KIN_CATEGORIES = new Set(["noun.person", "noun.animal"]);
/** Words before a noun that make it someone's: "my daughter", "their dog", "has two kids". */
const POSSESSIVE_LEMMAS = new Set(["my", "his", "her", "their", "our", "have"]);
/** How far before the noun that word may stand ("my two young daughters"). */
const POSSESSIVE_REACH = 3;
const NONE: ReadonlySet<string> = new Set();

interface KindWords {
  /** The anchors themselves. */
  anchors: ReadonlySet<string>;
  /** The anchors, the other words of their first sense, and the words derived from them. */
  said: ReadonlySet<string>;
  /** The anchors' first senses, as ids. */
  meanings: ReadonlySet<string>;
}

const sharesAny = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((item) => b.has(item));

type SensesKey = `${string}|${WordClass}`;

const keyOf = (lemma: string, wordClass: WordClass): SensesKey => `${lemma}|${wordClass}`;

/** The two-word compounds WordNet may know ("board game", "free time", "rock climbing"), by their first word's index. */
interface Compound {
  /** Index of its first word. */
  at: number;
  compound: string;
  wordClass: WordClass;
}

/**
 * The two-word nouns WordNet may know ("board game", "free time"). Verbs with a particle ("write
 * about", "sign up") are left to their words: as one they would no longer find "she writes".
 */
function compoundCandidates(words: readonly Word[]): Compound[] {
  const compounds: Compound[] = [];
  for (let index = 1; index < words.length; index += 1) {
    const [first, second] = [words[index - 1], words[index]];
    if (first.stop || second.stop || second.wordClass !== "noun") continue;
    compounds.push({ at: index - 1, compound: `${first.text} ${second.lemma}`, wordClass: "noun" });
  }
  return compounds;
}

function contentWords(words: readonly Word[]): Word[] {
  return words.filter((word) => !word.stop);
}

let kindWords: Promise<Map<QuestionKind, KindWords>> | null = null;

const MAX_PASSAGES_CACHED = 5_000;
const termHolder = globalThis as typeof globalThis & { chatfolioPassageTerms?: BoundedCache<Term[]> };

const kindsHolder = globalThis as typeof globalThis & {
  chatfolioPassageKinds?: BoundedCache<ReadonlyMap<QuestionKind, number>>;
};

/** The kinds of question each of the owners' passages answers, by section and text, for the process. */
function passageKinds(): BoundedCache<ReadonlyMap<QuestionKind, number>> {
  kindsHolder.chatfolioPassageKinds ??= new BoundedCache(MAX_PASSAGES_CACHED);
  return kindsHolder.chatfolioPassageKinds;
}

/** The terms of the owners' texts, by text, for the process. */
function passageTerms(): BoundedCache<Term[]> {
  termHolder.chatfolioPassageTerms ??= new BoundedCache(MAX_PASSAGES_CACHED);
  return termHolder.chatfolioPassageTerms;
}

/** Each kind's anchors with their first sense's synonyms, loaded once per process. */
function loadKindWords(): Promise<Map<QuestionKind, KindWords>> {
  kindWords ??= Promise.all(
    KINDS.map(async (kind) => {
      const anchors = ENGLISH_QUESTION_KINDS[kind].anchors;
      const senses = await Promise.all(anchors.map(([word, wordClass]) => sensesOf(word, wordClass, 1)));
      const words = new Set(anchors.map(([word]) => word));
      const said = new Set([...words, ...senses.flatMap((sense) => [...sense.synonyms, ...sense.derived])]);
      const meanings = new Set(senses.flatMap((sense) => sense.meanings));
      return [kind, { anchors: words, said, meanings }] as const;
    }),
  ).then((entries) => new Map(entries));
  return kindWords;
}

class EnglishLexicon implements Lexicon {
  /** Passages are read several times a reply (ranking, kinds, notes): each text once. */
  private readonly read = new Map<string, Term[]>();
  /** A reply reads its question several times (ranking, Q&A, notes): once. */
  private readonly questions = new Map<string, QuestionReading>();

  constructor(
    private readonly senses: ReadonlyMap<SensesKey, WordSenses>,
    private readonly compounds: ReadonlySet<string>,
    private readonly kinds: ReadonlyMap<QuestionKind, KindWords>,
  ) {}

  private term(lemma: string, wordClass: WordClass | null, named: boolean): Term {
    const senses = wordClass ? this.senses.get(keyOf(lemma, wordClass)) : undefined;
    const stem = lemma
      .split(" ")
      .map((word) => STEMMER.stem(word))
      .join(" ");
    if (!senses) {
      return {
        lemma,
        stem,
        named,
        wordClass,
        synonyms: NONE,
        anySense: NONE,
        derived: NONE,
        meanings: NONE,
        broader: NONE,
        broaderMeanings: NONE,
        categories: [],
        // A word WordNet doesn't know is a name or a term of art ("ECMO", "Revit").
        specific: true,
      };
    }
    return {
      lemma,
      stem,
      named,
      wordClass,
      // A name is only what it names: "Go" the language is no word for moving, though it may
      // still be a kind of something ("Spanish" a language, "Lisbon" a city) and have its
      // derivations ("Japan", "Japanese").
      synonyms: named ? NONE : new Set(senses.synonyms),
      anySense: named ? NONE : new Set(senses.anySense),
      derived: new Set(senses.derived),
      meanings: new Set(senses.meanings),
      broader: new Set(senses.broader),
      broaderMeanings: new Set(senses.broaderMeanings),
      categories: senses.categories,
      specific:
        named ||
        (wordClass === "noun" && senses.broaderMeanings.length >= SPECIFIC_NOUN_LEVELS) ||
        (wordClass === "verb" && senses.senseCount <= SPECIFIC_VERB_SENSES),
    };
  }

  /**
   * The terms of some words. A compound WordNet knows joins them; in a question it stands for its
   * words ("free time" is not about freedom, "good morning" not about goodness), while the
   * owner's text keeps them too, so "does she play games?" still finds "board games".
   */
  private termsOfWords(words: readonly Word[], compoundsReplaceWords: boolean): Term[] {
    const compounds = compoundCandidates(words).filter(({ compound }) => this.compounds.has(compound));
    const joined = new Set(compoundsReplaceWords ? compounds.flatMap(({ at }) => [at, at + 1]) : []);
    const terms = words.flatMap((word, index) =>
      word.stop || joined.has(index) ? [] : [this.term(word.lemma, word.wordClass, word.tag === "PROPN")],
    );
    for (const { compound, wordClass } of compounds) terms.push(this.term(compound, wordClass, false));
    return terms;
  }

  terms(text: string): Term[] {
    const known = this.read.get(text) ?? passageTerms().get(text);
    if (known) return known;
    const words = readWords(text, true);
    const terms = this.termsOfWords(words, false);
    this.read.set(text, terms);
    // Kept for the process when every word's meanings were loaded for it: the owner's text comes
    // back on every turn, and reading it again is most of a turn's cost.
    const loaded =
      contentWords(words).every((word) => !word.wordClass || this.senses.has(keyOf(word.lemma, word.wordClass))) &&
      compoundCandidates(words).every(({ compound, wordClass }) => this.senses.has(keyOf(compound, wordClass)));
    if (loaded) passageTerms().set(text, terms);
    return terms;
  }

  question(text: string, ignore: string | null = null): QuestionReading {
    const key = `${ignore ?? ""}\u0000${text}`;
    const known = this.questions.get(key);
    if (known) return known;
    const reading = this.readQuestion(text, ignore);
    this.questions.set(key, reading);
    return reading;
  }

  private readQuestion(text: string, ignore: string | null): QuestionReading {
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
    const terms = this.termsOfWords(words, true).filter(
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
      for (const [kind, { anchors, said, meanings }] of this.kinds) {
        if (said.has(term.lemma) || said.has(head))
          raise(kind, anchors.has(term.lemma) || anchors.has(head) ? 1 : KIND_BY_RELATED);
        else if (sharesAny(term.meanings, meanings) || sharesAny(term.derived, anchors)) raise(kind, KIND_BY_RELATED);
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
        const inClause = (term: Term) =>
          term.lemma.split(" ").some((word) => clause.has(word)) || clause.has(term.lemma);
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
    const tense = PAST_TENSE.test(text) ? "past" : PRESENT_TENSE.test(text) ? "present" : null;
    return {
      terms,
      kinds: kinds as KindWeights,
      yesNo,
      topics,
      tense,
      asksPossession,
      pointsBack: POINTS_BACK.test(text),
      // "Since when?", "Which university?": no verb, so it leans on the question before it.
      elliptical: !words.some((word) => word.tag === "VERB" || word.tag === "AUX") && terms.length <= 1,
      asksEarlier: EARLIER_THAN.test(text),
    };
  }

  answersKinds(text: string, section: ProfileSectionName): ReadonlyMap<QuestionKind, number> {
    const key = `${section}|${text}`;
    const known = passageKinds().get(key);
    if (known) return known;
    const kinds = this.kindsAnswered(text, section);
    // Kept only when the text's terms were, with every word's meanings loaded.
    if (passageTerms().get(text)) passageKinds().set(key, kinds);
    return kinds;
  }

  private kindsAnswered(text: string, section: ProfileSectionName): ReadonlyMap<QuestionKind, number> {
    const terms = this.terms(text);
    const kinds = new Map<QuestionKind, number>();
    for (const [kind, { anchors, meanings }] of this.kinds) {
      const declaration = ENGLISH_QUESTION_KINDS[kind];
      // "Ada is a nurse" says what she does, less surely than her experience does.
      if (
        declaration.roleNounsIn?.includes(section) &&
        terms.some((term) => term.categories[0] === ROLE_NOUN_CATEGORY)
      ) {
        kinds.set(kind, ROLE_NOUN_WEIGHT);
      }
      // A kind its sections answer is answered there: the skills, not a bio that says "engineer".
      if (declaration.sections) continue;
      // Meanings, not words: "MSc" is a kind of academic degree, and "science" is not a kind of "study".
      const answers = terms.some(
        (term) =>
          anchors.has(term.lemma) || sharesAny(term.meanings, meanings) || sharesAny(term.broaderMeanings, meanings),
      );
      if (answers) kinds.set(kind, 1);
    }
    if (DATES_SOMETHING.test(text)) kinds.set("duration", 1);
    if (COUNTS_SOMETHING.test(text)) kinds.set("quantity", 1);
    return kinds;
  }

  possesses(text: string, term: Term): boolean {
    const words = readWords(text, true);
    return words.some((word, index) => {
      if (word.stop || this.match(term, this.term(word.lemma, word.wordClass, false)) === 0) return false;
      return words
        .slice(Math.max(0, index - POSSESSIVE_REACH), index)
        .some((before) => POSSESSIVE_LEMMAS.has(before.lemma) || POSSESSIVE_LEMMAS.has(before.text));
    });
  }

  startsPeriod(text: string): boolean {
    return NEW_PERIOD.test(text);
  }

  sameMeaning(
    a: Term,
    b: Term,
    { anySense = true, derived = true }: { anySense?: boolean; derived?: boolean } = {},
  ): boolean {
    if (this.match(a, b, { derived }) >= DERIVED_MATCH) return true;
    if (!anySense) return false;
    // In any of their senses, or through a derivation: "move" and "relocation" ("relocate, move").
    const forms = (term: Term) => [term.lemma, ...term.derived];
    return forms(b).some((word) => a.anySense.has(word)) || forms(a).some((word) => b.anySense.has(word));
  }

  sectionsFor(kind: QuestionKind) {
    const { sections = [], otherwise = [] } = ENGLISH_QUESTION_KINDS[kind];
    return { always: sections, otherwise };
  }

  match(question: Term, passage: Term, { narrower = true, derived = true }: MatchOptions = {}): number {
    if (question.lemma === passage.lemma) return 1;
    if (question.stem === passage.stem) return SAME_STEM_MATCH;
    // Within a word class ("call" is a verb for naming, not a word for a name), and in the senses
    // the visitor's word has: a ledger is a kind of book, but "what books does she read?" isn't about one.
    const sameClass = question.wordClass === passage.wordClass;
    if (sameClass && question.synonyms.has(passage.lemma)) return SYNONYM_MATCH;
    if (derived && (question.derived.has(passage.lemma) || passage.derived.has(question.lemma))) return DERIVED_MATCH;
    // A kind of thing, or an act of that kind ("sport": "tennis", and "I swim", as swimming is one).
    const kindOfAct = question.wordClass === "noun" && !question.named && passage.wordClass === "verb";
    if (narrower && (sameClass || kindOfAct) && passage.broader.has(question.lemma)) return NARROWER_MATCH;
    return 0;
  }
}

async function loadSenses(texts: readonly string[]): Promise<{
  senses: Map<SensesKey, WordSenses>;
  compounds: Set<string>;
}> {
  const wanted = new Map<SensesKey, [string, WordClass]>();
  const candidates = new Map<string, WordClass>();
  for (const text of texts) {
    const words = readWords(text, true);
    for (const word of contentWords(words)) {
      if (word.wordClass) wanted.set(keyOf(word.lemma, word.wordClass), [word.lemma, word.wordClass]);
    }
    for (const { compound, wordClass } of compoundCandidates(words)) candidates.set(compound, wordClass);
  }
  for (const [compound, wordClass] of candidates) wanted.set(keyOf(compound, wordClass), [compound, wordClass]);
  const loaded = await Promise.all(
    [...wanted].map(async ([key, [lemma, wordClass]]) => [key, await sensesOf(lemma, wordClass)] as const),
  );
  const senses = new Map(loaded);
  const known = [...candidates].filter(
    ([compound, wordClass]) => (senses.get(keyOf(compound, wordClass))?.categories.length ?? 0) > 0,
  );
  return { senses, compounds: new Set(known.map(([compound]) => compound)) };
}

export const english: TextAnalysis = {
  async load() {
    readWords("");
    await loadKindWords();
  },

  async prepare(texts) {
    const [{ senses, compounds }, kinds] = await Promise.all([loadSenses(texts), loadKindWords()]);
    return new EnglishLexicon(senses, compounds, kinds);
  },

  async searchWords(question) {
    const [lexicon, kinds] = await Promise.all([english.prepare([question]), loadKindWords()]);
    const reading = lexicon.question(question);
    const words: Record<string, string[]> = {};
    // The search is for recall (the model weighs what comes back), so every sense counts here, in
    // the word's other class too: "would you move?" finds "relocation", a move as a noun.
    for (const term of reading.terms) {
      const otherClass = term.wordClass === "verb" ? "noun" : term.wordClass === "noun" ? "verb" : null;
      const other = otherClass && !term.named ? (await sensesOf(term.lemma, otherClass)).anySense : [];
      words[term.lemma] = [...new Set([...term.synonyms, ...term.derived, ...term.anySense, ...other])].slice(
        0,
        MAX_SEARCH_WORDS,
      );
    }
    const kindWords = [...reading.kinds.keys()].flatMap((kind) => [...(kinds.get(kind)?.said ?? [])]);
    if (kindWords.length > 0) words[""] = kindWords.slice(0, MAX_SEARCH_WORDS);
    return words;
  },
};
