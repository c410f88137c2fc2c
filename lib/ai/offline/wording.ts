import type { Voice } from "@/lib/constants";
import { type OwnerProfile, PROFILE_SECTIONS, type ProfileSection } from "../instructions";
import type { RankedPassage } from "./evidence";
import { type Passage, quotedIn, withoutConnective } from "./passages";

// How the offline model words a reply: who the owner is called, the lead-ins, lists and offers of
// topics, and the profile's sentences rendered in the bot's voice.

/** How answers name a topic; the name section is a single fact, not something to offer. */
export const TOPIC_LABELS: Record<Exclude<ProfileSection, "name">, string> = {
  location: "location",
  bio: "background",
  skills: "skills",
  experience: "experience",
  interests: "interests",
};

export type Owner = {
  /** First mention: "Ada Lovelace" or "the owner". */
  fullName: string;
  /** Later mentions: "Ada", unless the name starts with a title or initial ("Dr. Rao" stays whole). */
  ref: string;
  possessive: string;
  /** The name's words, lower-cased: a sentence that names the owner says who it is about. */
  nameWords: Set<string>;
};

/** Who says the answer: the owner's assistant, about the owner, or the owner, about themselves. */
export type Speaker = { owner: Owner; voice: Voice };

export function possessiveOf(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}

export function ownerOf(profile: OwnerProfile): Owner {
  // Names are free text; one line keeps every template sentence on one line.
  const fullName = profile.name?.replace(/\s+/g, " ") ?? "the owner";
  const [firstWord = fullName] = fullName.split(/\s+/);
  const firstWordIsName =
    firstWord.length > 2 && !/[.]$/.test(firstWord) && !/^(mr|mrs|ms|miss|dr|prof|sir|dame)$/i.test(firstWord);
  const ref = profile.name && firstWordIsName ? firstWord : fullName;
  const nameWords = new Set((profile.name ?? "").toLowerCase().match(/[\p{L}]{3,}/gu) ?? []);
  return { fullName, ref, possessive: possessiveOf(ref), nameWords };
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "Ada's" or "my", as the voice has it. */
export function whose({ owner, voice }: Speaker): string {
  return voice === "first_person" ? "my" : owner.possessive;
}

export function topicsOf(profile: OwnerProfile, exclude: ProfileSection[] = []): string[] {
  const topics: string[] = [];
  for (const section of PROFILE_SECTIONS) {
    if (section === "name" || exclude.includes(section)) continue;
    if ((profile[section] ?? "").trim() !== "") topics.push(TOPIC_LABELS[section]);
  }
  return topics;
}

export function offerTopics(
  profile: OwnerProfile,
  speaker: Speaker,
  also = false,
  exclude: ProfileSection[] = [],
): string {
  const topics = topicsOf(profile, exclude);
  if (topics.length === 0) return "";
  return `I can ${also ? "also " : ""}tell you about ${whose(speaker)} ${formatList(topics)}.`;
}

export function sentences(...parts: string[]): string {
  return parts.filter((part) => part !== "").join(" ");
}

const FIRST_PERSON = /\b(I|I'm|I've|I'd|I'll)\b|\b(my|me|mine|myself)\b/i;
const ENDS_SENTENCE = /[.!?…]["”')]*$/;
const THIRD_PERSON = new Set(["she", "he", "they", "her", "his", "their", "hers", "him", "them", "herself", "himself"]);
const PRONOUNS = new Set([...THIRD_PERSON, "i", "i'm", "i've", "my", "we", "our"]);
/** A sentence that names its subject within this many words reads as an answer on its own. */
const SUBJECT_WITHIN_WORDS = 5;

/**
 * "Before that, she spent four years at Shopify." answers on its own; "Rock climbing on weekends."
 * or "Staff engineer at Stripe since 2021, ..." need a lead-in that says whose it is.
 */
export function standsAlone(text: string, owner: Owner): boolean {
  if (!ENDS_SENTENCE.test(text)) return false;
  const opening = (text.toLowerCase().match(/[\p{L}']+/gu) ?? []).slice(0, SUBJECT_WITHIN_WORDS);
  return opening.some((word) => PRONOUNS.has(word) || owner.nameWords.has(word));
}

/**
 * The owner's own words verbatim rather than rephrased, so nothing gets invented; quoted where
 * they would otherwise read as the speaker's own (first-person text in the assistant's mouth,
 * third-person text in the owner's).
 */
export function renderPassageTexts(texts: string[], quoted: (text: string) => boolean): string {
  const quote = (text: string) => (quoted(text) ? `"${text}"` : text);
  if (texts.every((text) => !ENDS_SENTENCE.test(text))) {
    return `${quote(texts.join("; "))}.`;
  }
  return texts.map((text) => quote(ENDS_SENTENCE.test(text) ? text : `${text}.`)).join(" ");
}

export const isFirstPerson = (text: string) => FIRST_PERSON.test(text);

/** Text that speaks of the owner as someone else: "she", "his", or the owner's name. */
export function speaksOfOwner(text: string, owner: Owner): boolean {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return words.some((word) => THIRD_PERSON.has(word) || owner.nameWords.has(word));
}

/** What introduces passages that don't say whose they are: "Ada's skills include:", "About me:". */
export function leadIn(section: Exclude<ProfileSection, "name" | "location">, speaker: Speaker): string {
  const mine = speaker.voice === "first_person";
  if (section === "bio") return mine ? "About me:" : `About ${speaker.owner.ref}:`;
  const owners = capitalize(whose(speaker));
  return section === "experience" ? `${owners} experience includes:` : `${owners} ${TOPIC_LABELS[section]} include:`;
}

export function renderSection(section: ProfileSection, texts: string[], speaker: Speaker): string {
  const { owner, voice } = speaker;
  const mine = voice === "first_person";
  if (section === "name") return mine ? `I'm ${texts.join(" ")}.` : `This profile belongs to ${texts.join(" ")}.`;
  if (section === "location") {
    const place = texts.join(" ").replace(/[.!?]+$/, "");
    return mine ? `I'm based in ${place}.` : `${capitalize(owner.ref)} is based in ${place}.`;
  }
  const alone = texts.every((text) => standsAlone(text, owner));
  if (mine) {
    // The owner's first-person sentences are the owner speaking; what the profile says of them in
    // the third person is quoted from it.
    if (alone && texts.every(isFirstPerson)) return renderPassageTexts(texts, () => false);
    const ofOwner = (text: string) => speaksOfOwner(text, owner);
    if (texts.some(ofOwner)) return `My profile says: ${renderPassageTexts(texts, ofOwner)}`;
    return `${leadIn(section, speaker)} ${renderPassageTexts(texts, () => false)}`;
  }
  if (alone && !texts.some(isFirstPerson)) return renderPassageTexts(texts, () => false);
  if (alone) return `In ${owner.possessive} own words: ${renderPassageTexts(texts, isFirstPerson)}`;
  return `${leadIn(section, speaker)} ${renderPassageTexts(texts, isFirstPerson)}`;
}

/**
 * The chosen passages by section. One that leans on the sentence before it ("Before that, ...")
 * keeps its lean only when that sentence is said just before it, here or in the last answer.
 */
export function renderMatch(
  passages: RankedPassage[],
  speaker: Speaker,
  profilePassages: readonly Passage[],
  lastAnswer: string | undefined,
): string {
  const inAnswer = new Set(passages.map((passage) => passage.position));
  const textOf = ({ position, section, text }: RankedPassage) => {
    const before = profilePassages[position - 1];
    const leansOnSaid =
      before?.section === section &&
      (inAnswer.has(position - 1) || (lastAnswer !== undefined && quotedIn(lastAnswer, before.text)));
    return leansOnSaid ? text : withoutConnective(text);
  };
  return sentences(
    ...PROFILE_SECTIONS.map((section) => {
      const inSection = passages.filter((passage) => passage.section === section);
      return inSection.length === 0 ? "" : renderSection(section, inSection.map(textOf), speaker);
    }),
  );
}

export function hasAnyTopic(profile: OwnerProfile): boolean {
  return topicsOf(profile).length > 0;
}
