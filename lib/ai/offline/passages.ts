import { type OwnerProfile, PROFILE_SECTIONS, type ProfileSection } from "../instructions";

export type Passage = {
  section: ProfileSection;
  text: string;
  /** Which line of its section it is on: a paragraph or list item, often one period of a career. */
  block: number;
};

const LIST_MARKER = /^\s*(?:[-*•·]|\d+[.)])\s+/;

/**
 * Sentence ends followed by a capital or digit, so "e.g. this" and "v2.1" stay whole; initials and
 * common abbreviations ("Ursula K. Le Guin", "Dr. Smith") are not ends.
 */
const SENTENCE_BREAK =
  /(?<=[.!?])(?<!(?:^|[\s(])\p{Lu}\.)(?<!\b(?:Dr|Mr|Mrs|Ms|Prof|St|Mt|Jr|Sr|Inc|Ltd|Co|vs|etc|approx|e\.g|i\.e)\.)\s+(?=[\p{Lu}\p{N}"“(])/u;

function splitSectionText(text: string): Array<{ text: string; block: number }> {
  const pieces: Array<{ text: string; block: number }> = [];
  let block = 0;
  for (const line of text.split("\n")) {
    const trimmed = line.replace(LIST_MARKER, "").trim();
    if (trimmed === "") continue;
    // A list item is one fact even when it holds several sentences-worth of punctuation.
    const sentences = LIST_MARKER.test(line) ? [trimmed] : trimmed.split(SENTENCE_BREAK);
    for (const sentence of sentences) if (sentence.trim() !== "") pieces.push({ text: sentence.trim(), block });
    block += 1;
  }
  return pieces;
}

/**
 * The units an answer is built from: one per sentence or list item, tagged with its section.
 * Name and location are single facts and stay whole.
 */
export function splitProfileIntoPassages(profile: OwnerProfile): Passage[] {
  const passages: Passage[] = [];
  for (const section of PROFILE_SECTIONS) {
    const value = profile[section]?.trim() ?? "";
    if (value === "") continue;
    const pieces =
      section === "name" || section === "location"
        ? [{ text: value.replace(/\s+/g, " "), block: 0 }]
        : splitSectionText(value);
    for (const piece of pieces) passages.push({ section, ...piece });
  }
  return passages;
}

/** "Before that, she spent ..." leans on the sentence before it; said without that one, it drops the lean. */
const CONNECTIVE =
  /^(before that|after that|before this|after this|prior to that|since then|earlier still|later still|then|later|earlier),\s+(?=\p{L})/iu;

/** The passage as said on its own: without a leading "Before that," and capitalised. */
export function withoutConnective(text: string): string {
  const connective = CONNECTIVE.exec(text);
  if (!connective) return text;
  const rest = text.slice(connective[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Whether an answer quoted the passage, whole or without its leading connective. */
export function quotedIn(answer: string, text: string): boolean {
  return answer.includes(text) || answer.includes(withoutConnective(text));
}
