import "server-only";
import model from "wink-eng-lite-web-model";
import winkNLP, { type ItsFunction, type WinkMethods } from "wink-nlp";
import { processCache } from "../bounded-cache";
import type { WordClass } from "./wordnet";

/** One word of a text as wink-nlp reads it: its dictionary form and part of speech. */
export interface Word {
  /** As written, lower-cased ("studied", "c++"). */
  text: string;
  /** The dictionary form ("study"); a name stays as written, lower-cased. */
  lemma: string;
  /** The universal part-of-speech tag (NOUN, VERB, AUX, PROPN, ...). */
  tag: string;
  /** The word class WordNet files it under, when it has one. */
  wordClass: WordClass | null;
  /** A function word ("the", "does", "she") that says nothing of what a text is about. */
  stop: boolean;
}

const WORD_CLASSES: Record<string, WordClass> = {
  NOUN: "noun",
  PROPN: "noun",
  VERB: "verb",
  ADJ: "adjective",
  ADV: "adverb",
};

// The model takes about 100-300 ms and 60 MB to load: once per process, kept across dev reloads.
const holder = globalThis as typeof globalThis & { chatfolioWink?: WinkMethods };

function nlp(): WinkMethods {
  holder.chatfolioWink ??= winkNLP(model, ["pos"]);
  return holder.chatfolioWink;
}

const WORDLIKE = /[\p{L}\p{N}]/u;
/** "C++" and "C#" are one word, though the tokenizer writes them as a letter and symbols. */
const ATTACHED_SYMBOLS = /^[+#]+$/;

/** Parts of speech that never say what a text is about. */
const FUNCTION_TAGS = new Set(["DET", "PRON", "AUX", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "SYM", "X"]);
/**
 * wink's stop list is the classic one, which also lists content words ("move", "name", "call"):
 * it decides only for adverbs and adjectives ("also", "else", "more"), and for the light verbs that
 * carry a sentence's grammar rather than its topic ("does she have", "did he get").
 */
const LISTED_STOP_TAGS = new Set(["ADV", "ADJ"]);
const LIGHT_VERBS = new Set(["be", "have", "do", "go", "get", "make", "take", "give", "put", "keep", "seem", "become"]);

/**
 * The words of a text, in order, with their lemmas and tags; punctuation left out. In the owner's
 * text (`asWritten`) a capitalised word the stop list has still counts: a profile's "Go for
 * high-throughput services" names the language.
 */
export function readWords(text: string, asWritten = false): readonly Word[] {
  // A bot's profile is read on every turn: each text once per process, while it is short.
  if (text.length > MAX_CACHED_TEXT) return tagWords(text, asWritten);
  return readings().getOrSet(`${asWritten ? "w" : "q"}${text}`, () => tagWords(text, asWritten));
}

const MAX_CACHED_TEXT = 2_000;
const MAX_TEXTS_CACHED = 5_000;

const readings = () => processCache<readonly Word[]>("english readings", MAX_TEXTS_CACHED);

function tagWords(text: string, asWritten: boolean): Word[] {
  const methods = nlp();
  const its = methods.its;
  const tokens = methods.readDoc(text).tokens();
  // wink's typings don't tell its token properties apart; each is read as the type it returns.
  const read = <Value>(property: unknown) => tokens.out(property as ItsFunction<Value>) as Value[];
  const values = read<string>(its.value);
  const lemmas = read<string>(its.lemma);
  const tags = read<string>(its.pos);
  const stops = read<boolean>(its.stopWordFlag);
  const spaces = read<string>(its.precedingSpaces);
  const words: Word[] = [];
  let sentenceStart = true;
  values.forEach((value, index) => {
    const tag = tags[index] ?? "X";
    const last = words.at(-1);
    if (last && ATTACHED_SYMBOLS.test(value) && spaces[index] === "" && index > 0 && WORDLIKE.test(values[index - 1])) {
      last.text += value;
      last.lemma = last.text;
      last.stop = false;
      return;
    }
    if (!WORDLIKE.test(value)) {
      if (/[.!?]/.test(value)) sentenceStart = true;
      return;
    }
    // A capitalised word inside a sentence names something ("Next.js", "Go"), even a stop word.
    const capitalised = /^\p{Lu}/u.test(value);
    const named = !sentenceStart && capitalised;
    const lower = value.toLowerCase();
    const lemma = tag === "PROPN" || named ? lower : (lemmas[index] ?? lower).toLowerCase();
    words.push({
      text: lower,
      lemma,
      tag: named && tag !== "PROPN" ? "PROPN" : tag,
      wordClass: WORD_CLASSES[named ? "PROPN" : tag] ?? null,
      stop:
        FUNCTION_TAGS.has(tag) ||
        (!named && !(asWritten && capitalised) && tag === "VERB" && LIGHT_VERBS.has(lemma)) ||
        (Boolean(stops[index]) && !named && !(asWritten && capitalised) && LISTED_STOP_TAGS.has(tag)),
    });
    sentenceStart = false;
  });
  return withDoSupportVerbs(words);
}

/**
 * "Which tools does Mia use?": after "does" and its subject comes the verb, whatever the tagger
 * guessed (it reads a question's last word as a noun more often than a sentence's).
 */
function withDoSupportVerbs(words: Word[]): Word[] {
  words.forEach((word, index) => {
    const [auxiliary, subject] = [words[index - 2], words[index - 1]];
    if (word.tag !== "NOUN" || auxiliary?.lemma !== "do" || auxiliary.tag !== "AUX") return;
    if (subject?.tag !== "PRON" && subject?.tag !== "PROPN") return;
    word.tag = "VERB";
    word.wordClass = "verb";
  });
  return words;
}
