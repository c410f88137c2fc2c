import "server-only";
import type { TextAnalysis } from "@/lib/language/analysis";
import { loadKindWords } from "./kind-words";
import { readWords } from "./lemmatizer";
import { EnglishLexicon } from "./lexicon";
import { sensesOf, type WordClass, type WordSenses } from "./wordnet";
import { compoundCandidates, contentWords, keyOf, type SensesKey } from "./words";

// English, read with wink-nlp's lemmatizer and tagger and WordNet's meanings. Every word list a
// question is understood through comes from those two; the kinds of question are declared by a
// few anchors each (question-kinds.ts).

/** Words a search may add for one word of the question: enough for its synonyms, bounded. */
const MAX_SEARCH_WORDS = 32;

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
    const others = await Promise.all(
      reading.terms.map((term) => {
        const otherClass = term.wordClass === "verb" ? "noun" : term.wordClass === "noun" ? "verb" : null;
        return otherClass && !term.named ? sensesOf(term.lemma, otherClass) : null;
      }),
    );
    reading.terms.forEach((term, at) => {
      const related = [...term.synonyms, ...term.derived, ...term.anySense, ...(others[at]?.anySense ?? [])];
      words[term.lemma] = [...new Set(related)].slice(0, MAX_SEARCH_WORDS);
    });
    const kindWords = [...reading.kinds.keys()].flatMap((kind) => [...(kinds.get(kind)?.said ?? [])]);
    if (kindWords.length > 0) words[""] = kindWords.slice(0, MAX_SEARCH_WORDS);
    return words;
  },
};
