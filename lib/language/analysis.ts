import type { ProfileSectionName } from "@/lib/constants";

/*
 * What the offline model and retrieval know of a language: one module per language implements
 * TextAnalysis (lib/language/english is the first). Reading is split in two: prepare() loads what
 * the words of some texts mean (from files, so it is asynchronous), and the Lexicon it returns
 * answers every question about those texts synchronously, so ranking stays plain code.
 */

/** What a visitor's question asks for, whatever words it uses. */
export type QuestionKind =
  | "name"
  | "place"
  | "role"
  | "employer"
  | "duration"
  | "quantity"
  | "education"
  | "languages"
  | "leisure"
  | "skills"
  | "overview";

/** One meaningful word (or compound, "board game") of a text, with what it can mean. */
export interface Term {
  /** The dictionary form texts are compared on ("studied" -> "study"). */
  lemma: string;
  /** Its Snowball stem, which brings forms the tagger read apart together ("building", "build"). */
  stem: string;
  /** Whether it names something: a name, a language, a tool ("Thai", "AutoCAD"). */
  named: boolean;
  /** In a question: whether it says what kind of thing is asked ("job", "hobby") rather than naming it. */
  asksKind?: boolean;
  /** In a question, for an adjective: the noun it says which of ("political" in "political views"). */
  modifies?: string;
  /** The word class it was read as (noun, verb, ...), when it has one. */
  wordClass: string | null;
  /** Other words for the same thing, in its word class ("job": "occupation"). */
  synonyms: ReadonlySet<string>;
  /** Other words for it in any of its senses, the rare ones too ("move": "relocate"). */
  anySense: ReadonlySet<string>;
  /** Words derived from it or it from, in any class ("study": "student"). */
  derived: ReadonlySet<string>;
  /** Its commonest senses, as ids: two terms that share one mean the same thing. */
  meanings: ReadonlySet<string>;
  /** What it is a kind of ("football": "field game", "sport"). */
  broader: ReadonlySet<string>;
  /** The same, as ids of senses. */
  broaderMeanings: ReadonlySet<string>;
  /** Whether it names a particular thing or act ("golf", "shear"), not a general one ("people", "play"). */
  specific: boolean;
  /** WordNet-style categories of its commonest senses, commonest first ("noun.person" for "nurse", "verb.stative" for "live"). */
  categories: readonly string[];
}

/** Which weaker relations a match may use: a narrower word ("football" for "sport"), a derived one ("earn" for "salary"). */
export interface MatchOptions {
  narrower?: boolean;
  derived?: boolean;
}

/** How strongly a question asks for a kind (1: its own word; less: a related or broader one). */
export type KindWeights = ReadonlyMap<QuestionKind, number>;

export interface QuestionReading {
  /** The question's meaningful words, less the owner's name. */
  terms: Term[];
  kinds: KindWeights;
  /** A yes-or-no question ("Does she speak Spanish?"): its answer is the sentence that says so. */
  yesNo: boolean;
  /** The terms that name what it asks about rather than the kind of thing ("Spanish", not "speak"). */
  topics: Term[];
  /** In a yes-or-no, what the answer must name: its names, else its particular words ("golf", not "play"). */
  mustName: Term[];
  /**
   * Whether the answer must name every one of them: "has she flown the Airbus A380?" is not
   * answered by "the Airbus A320"; "does she speak French or German?" is by "she speaks French".
   */
  mustNameEvery: boolean;
  /** "Does she have kids?": whether people or animals are theirs, which only "my daughter" answers. */
  asksPossession: boolean;
  /** Whether it asks about now ("where does she work?") or the past ("where did she work?"). */
  tense: "present" | "past" | null;
  /** "How long was she there?", "what did she build there?": it points back at the last answer. */
  pointsBack: boolean;
  /** "Since when?", "Which university?": it says too little to stand alone, and may narrow the last answer. */
  elliptical: boolean;
  /** "And before that?": it asks for what came earlier than the last answer. */
  asksEarlier: boolean;
}

export interface Lexicon {
  /** A text's meaningful words, in order, duplicates kept. */
  terms(text: string): Term[];
  /** A visitor's question, read for what it asks; the words of `ignore` (the owner's name) left out. */
  question(text: string, ignore?: string | null): QuestionReading;
  /** The kinds of question a passage of the profile's section answers from its own words, and how surely (1: surely). */
  answersKinds(text: string, section: ProfileSectionName): ReadonlyMap<QuestionKind, number>;
  /** Whether the text says a word of the term's meaning is someone's ("my daughter", "has two kids"). */
  possesses(text: string, term: Term): boolean;
  /** Whether a passage starts another period of the owner's life (names a year, opens with "Before that,"). */
  startsPeriod(text: string): boolean;
  /** Whether two terms are the same word or say the same thing (unless `anySense` is false, in any of their senses). */
  sameMeaning(a: Term, b: Term, options?: { anySense?: boolean; derived?: boolean }): boolean;
  /** How well a passage term answers a question term: 1 the same word, less for a related or narrower one, 0 none. */
  match(question: Term, passage: Term, options?: MatchOptions): number;
  /** The sections that answer a kind of question always, and those that do when no passage's own words do. */
  sectionsFor(kind: QuestionKind): { always: readonly ProfileSectionName[]; otherwise: readonly ProfileSectionName[] };
}

export interface TextAnalysis {
  /** Loads the language's resources (a tagger's model, the kinds' anchors): at server start, not on a visitor's turn. */
  load(): Promise<void>;
  /** Loads what the words of these texts mean; the Lexicon then reads them (and any text) synchronously. */
  prepare(texts: readonly string[]): Promise<Lexicon>;
  /**
   * What a search for the question should also look for, by the question's word: its synonyms and
   * derivations (and under "" the words of the kinds of question it asks), as plain words for the
   * database's own stemmer, which also leaves out the owner's name and what it brings.
   */
  searchWords(question: string): Promise<Record<string, string[]>>;
}
