import "server-only";
import { newStemmer } from "snowball-stemmers";
import type { ProfileSectionName } from "@/lib/constants";
import type { Lexicon, MatchOptions, QuestionKind, QuestionReading, Term } from "@/lib/language/analysis";
import { passageKinds, passageTerms } from "./caches";
import type { KindWords } from "./kind-words";
import { readWords, type Word } from "./lemmatizer";
import { ENGLISH_QUESTION_KINDS } from "./question-kinds";
import { type QuestionReader, readQuestion } from "./read-question";
import type { WordClass, WordSenses } from "./wordnet";
import { compoundCandidates, contentWords, keyOf, NONE, type SensesKey, sharesAny } from "./words";

// The English lexicon of one reply: every question about the texts it was prepared with, answered
// synchronously from the meanings loaded for them.

const STEMMER = newStemmer("english");
const SAME_STEM_MATCH = 0.9;
const SYNONYM_MATCH = 0.8;
const DERIVED_MATCH = 0.7;
const NARROWER_MATCH = 0.5;
/** A passage that dates something: a year, "five years", "since". */
const DATES_SOMETHING = /\b(19|20)\d\d\b|\b\w+ (years?|months?)\b|\bsince\b/i;
/** A passage that counts something: "900 ewes", "a team of nine". */
const COUNTS_SOMETHING =
  /\b\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|dozen)\b/i;
/** A passage that starts another period: it names a year or opens with "Before that,", "Earlier still,". */
const NEW_PERIOD = /\b(19|20)\d\d\b|^(before|after|earlier|later|prior|then|since)\b/i;
const ROLE_NOUN_CATEGORY = "noun.person";
/** A noun this many kinds deep in WordNet names a particular thing ("golf"); "people" is three. */
const SPECIFIC_NOUN_LEVELS = 4;
/** A verb with this few senses names a particular act ("shear", "mentor"); "play" has dozens. */
const SPECIFIC_VERB_SENSES = 6;
/** How surely a sentence with a role noun answers what someone does, beside their experience. */
const ROLE_NOUN_WEIGHT = 1;
/** Words before a noun that make it someone's: "my daughter", "their dog", "has two kids". */
const POSSESSIVE_LEMMAS = new Set(["my", "his", "her", "their", "our", "have"]);
/** How far before the noun that word may stand ("my two young daughters"). */
const POSSESSIVE_REACH = 3;

export class EnglishLexicon implements Lexicon {
  /** Passages are read several times a reply (ranking, kinds, notes): each text once. */
  private readonly read = new Map<string, Term[]>();
  /** A reply reads its question several times (ranking, Q&A, notes): once. */
  private readonly questions = new Map<string, QuestionReading>();

  constructor(
    private readonly senses: ReadonlyMap<SensesKey, WordSenses>,
    private readonly compounds: ReadonlySet<string>,
    private readonly kinds: ReadonlyMap<QuestionKind, KindWords>,
  ) {}

  private get reader(): QuestionReader {
    return {
      termsOf: (words, compoundsReplaceWords) => this.termsOfWords(words, compoundsReplaceWords),
      kinds: this.kinds,
    };
  }

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
    const reading = readQuestion(this.reader, text, ignore);
    this.questions.set(key, reading);
    return reading;
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
