import type { Word } from "./lemmatizer";
import type { WordClass } from "./wordnet";

// Small pieces the English lexicon and its question reader share.

export const NONE: ReadonlySet<string> = new Set();

export const sharesAny = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((item) => b.has(item));

export type SensesKey = `${string}|${WordClass}`;

export const keyOf = (lemma: string, wordClass: WordClass): SensesKey => `${lemma}|${wordClass}`;

export interface Compound {
  /** Index of its first word. */
  at: number;
  compound: string;
  wordClass: WordClass;
}

/**
 * The two-word nouns WordNet may know ("board game", "free time"). Verbs with a particle ("write
 * about", "sign up") are left to their words: as one they would no longer find "she writes".
 */
export function compoundCandidates(words: readonly Word[]): Compound[] {
  const compounds: Compound[] = [];
  for (let index = 1; index < words.length; index += 1) {
    const [first, second] = [words[index - 1], words[index]];
    if (first.stop || second.stop || second.wordClass !== "noun") continue;
    compounds.push({ at: index - 1, compound: `${first.text} ${second.lemma}`, wordClass: "noun" });
  }
  return compounds;
}

export function contentWords(words: readonly Word[]): Word[] {
  return words.filter((word) => !word.stop);
}
