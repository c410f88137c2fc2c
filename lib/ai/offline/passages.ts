import { type OwnerProfile, PROFILE_SECTIONS, type ProfileSection } from "../instructions";

export type Passage = {
  section: ProfileSection;
  text: string;
};

const LIST_MARKER = /^\s*(?:[-*•·]|\d+[.)])\s+/;

/**
 * Sentence ends followed by a capital or digit, so "e.g. this" and "v2.1" stay whole; initials and
 * common abbreviations ("Ursula K. Le Guin", "Dr. Smith") are not ends.
 */
const SENTENCE_BREAK =
  /(?<=[.!?])(?<!(?:^|[\s(])\p{Lu}\.)(?<!\b(?:Dr|Mr|Mrs|Ms|Prof|St|Mt|Jr|Sr|Inc|Ltd|Co|vs|etc|approx|e\.g|i\.e)\.)\s+(?=[\p{Lu}\p{N}"“(])/u;

function splitSectionText(text: string): string[] {
  const pieces: string[] = [];
  for (const line of text.split("\n")) {
    const trimmed = line.replace(LIST_MARKER, "").trim();
    if (trimmed === "") continue;
    // A list item is one fact even when it holds several sentences-worth of punctuation.
    if (LIST_MARKER.test(line)) pieces.push(trimmed);
    else pieces.push(...trimmed.split(SENTENCE_BREAK).map((sentence) => sentence.trim()));
  }
  return pieces.filter((piece) => piece !== "");
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
    const texts = section === "name" || section === "location" ? [value.replace(/\s+/g, " ")] : splitSectionText(value);
    for (const text of texts) passages.push({ section, text });
  }
  return passages;
}
