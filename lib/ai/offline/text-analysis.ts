/**
 * Just enough English text analysis for ranking profile passages: tokenising, stop words and a
 * light suffix stemmer. Questions and profiles are short, so recall matters more than precision.
 */

const STOP_WORDS = new Set(
  `a an the and or but if then so than as of in on at to for with from by into onto over under
  is are was were be been being am do does did doing done have has had having
  i me my mine you your yours he him his she her hers it its they them their theirs we us our ours
  this that these those there here what which who whom whose when where why how
  can could would should will shall may might must not no yes any some all each every
  tell please much many more most also just really very else too well ok okay
  anything something everything nothing one ones other another
  hi hello hey thanks thank s t d ll re ve m`.split(/\s+/),
);

/** Lower-cased word tokens; keeps `+` and `#` so "C++" and "C#" survive. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+[+#]*/gu) ?? [];
}

function endsWithDoubleConsonant(word: string): boolean {
  const last = word.at(-1) ?? "";
  return word.length > 3 && last === word.at(-2) && !"aeiouylsz".includes(last);
}

/**
 * Strips plural, -ing, -ed and -er suffixes and a final e, so that code/coding/coder/codes and
 * engineer/engineering/engineers meet at one stem. Stems need not be words, only consistent.
 */
export function stem(word: string): string {
  let stemmed = word;
  if (!/^[a-z]+$/.test(stemmed) || stemmed.length <= 3) return stemmed;
  if (stemmed.endsWith("ies") && stemmed.length > 4) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (stemmed.endsWith("s") && !/(ss|us|is)$/.test(stemmed)) stemmed = stemmed.slice(0, -1);

  if (stemmed.endsWith("ing") && stemmed.length >= 6) stemmed = stemmed.slice(0, -3);
  else if (stemmed.endsWith("ed") && stemmed.length >= 5) stemmed = stemmed.slice(0, -2);
  if (stemmed.endsWith("er") && stemmed.length >= 5) stemmed = stemmed.slice(0, -2);

  if (endsWithDoubleConsonant(stemmed)) stemmed = stemmed.slice(0, -1);
  if (stemmed.endsWith("e") && stemmed.length > 3) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

/** Stems of the meaningful words of a text, in order, duplicates kept (BM25 counts them). */
export function contentTerms(text: string): string[] {
  return tokenize(text)
    .filter((token) => !isStopWord(token))
    .map(stem);
}

/**
 * The content terms of a visitor's question: "how long" asks for a duration, so its "long" is not a
 * word to look for ("Long-distance cycling" does not answer "how long has she been there?").
 */
export function questionTerms(question: string): string[] {
  return contentTerms(question.replace(/\bhow long\b/gi, "how"));
}

/** Stems of the owner's name: they say who a question is about, not what it is about. */
export function nameStems(name: string | null): Set<string> {
  return new Set(tokenize(name ?? "").map(stem));
}
