import type { AnswerOutcome, AnswerSource, Voice } from "@/lib/constants";
import type { Lexicon } from "@/lib/language/analysis";
import { type OwnerProfile, PROFILE_SECTIONS, type ProfileSection } from "../instructions";
import type { KnowledgeEntry } from "../knowledge-block";
import { contactReply } from "./contact-reply";
import { allKnowledgeSentences, knowledgeSentences, matchingQuestionAndAnswer } from "./knowledge";
import { type Passage, quotedIn, splitProfileIntoPassages, withoutConnective } from "./passages";
import { type RankedPassage, retrievePassages } from "./retrieval";
import { classifyVisitorMessage } from "./visitor-intent";

export type OfflineTurn = {
  question: string;
  /** The visitor's earlier messages, most recent first. */
  earlierQuestions?: string[];
  /** The bot's earlier replies, most recent first. */
  earlierAnswers?: string[];
  /** The bot takes visitors' details (its contact_form is not off). */
  takesDetails?: boolean;
};

/** How answers name a topic; the name section is a single fact, not something to offer. */
const TOPIC_LABELS: Record<Exclude<ProfileSection, "name">, string> = {
  location: "location",
  bio: "background",
  skills: "skills",
  experience: "experience",
  interests: "interests",
};

type Owner = {
  /** First mention: "Ada Lovelace" or "the owner". */
  fullName: string;
  /** Later mentions: "Ada", unless the name starts with a title or initial ("Dr. Rao" stays whole). */
  ref: string;
  possessive: string;
  /** The name's words, lower-cased: a sentence that names the owner says who it is about. */
  nameWords: Set<string>;
};

/** Who says the answer: the owner's assistant, about the owner, or the owner, about themselves. */
type Speaker = { owner: Owner; voice: Voice };

function possessiveOf(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}

function ownerOf(profile: OwnerProfile): Owner {
  // Names are free text; one line keeps every template sentence on one line.
  const fullName = profile.name?.replace(/\s+/g, " ") ?? "the owner";
  const [firstWord = fullName] = fullName.split(/\s+/);
  const firstWordIsName =
    firstWord.length > 2 && !/[.]$/.test(firstWord) && !/^(mr|mrs|ms|miss|dr|prof|sir|dame)$/i.test(firstWord);
  const ref = profile.name && firstWordIsName ? firstWord : fullName;
  const nameWords = new Set((profile.name ?? "").toLowerCase().match(/[\p{L}]{3,}/gu) ?? []);
  return { fullName, ref, possessive: possessiveOf(ref), nameWords };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "Ada's" or "my", as the voice has it. */
function whose({ owner, voice }: Speaker): string {
  return voice === "first_person" ? "my" : owner.possessive;
}

function topicsOf(profile: OwnerProfile, exclude: ProfileSection[] = []): string[] {
  const topics: string[] = [];
  for (const section of PROFILE_SECTIONS) {
    if (section === "name" || exclude.includes(section)) continue;
    if ((profile[section] ?? "").trim() !== "") topics.push(TOPIC_LABELS[section]);
  }
  return topics;
}

function offerTopics(profile: OwnerProfile, speaker: Speaker, also = false, exclude: ProfileSection[] = []): string {
  const topics = topicsOf(profile, exclude);
  if (topics.length === 0) return "";
  return `I can ${also ? "also " : ""}tell you about ${whose(speaker)} ${formatList(topics)}.`;
}

function sentences(...parts: string[]): string {
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
function standsAlone(text: string, owner: Owner): boolean {
  if (!ENDS_SENTENCE.test(text)) return false;
  const opening = (text.toLowerCase().match(/[\p{L}']+/gu) ?? []).slice(0, SUBJECT_WITHIN_WORDS);
  return opening.some((word) => PRONOUNS.has(word) || owner.nameWords.has(word));
}

/**
 * The owner's own words verbatim rather than rephrased, so nothing gets invented; quoted where
 * they would otherwise read as the speaker's own (first-person text in the assistant's mouth,
 * third-person text in the owner's).
 */
function renderPassageTexts(texts: string[], quoted: (text: string) => boolean): string {
  const quote = (text: string) => (quoted(text) ? `"${text}"` : text);
  if (texts.every((text) => !ENDS_SENTENCE.test(text))) {
    return `${quote(texts.join("; "))}.`;
  }
  return texts.map((text) => quote(ENDS_SENTENCE.test(text) ? text : `${text}.`)).join(" ");
}

const isFirstPerson = (text: string) => FIRST_PERSON.test(text);

/** Text that speaks of the owner as someone else: "she", "his", or the owner's name. */
function speaksOfOwner(text: string, owner: Owner): boolean {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return words.some((word) => THIRD_PERSON.has(word) || owner.nameWords.has(word));
}

/** What introduces passages that don't say whose they are: "Ada's skills include:", "About me:". */
function leadIn(section: Exclude<ProfileSection, "name" | "location">, speaker: Speaker): string {
  const mine = speaker.voice === "first_person";
  if (section === "bio") return mine ? "About me:" : `About ${speaker.owner.ref}:`;
  const owners = capitalize(whose(speaker));
  return section === "experience" ? `${owners} experience includes:` : `${owners} ${TOPIC_LABELS[section]} include:`;
}

function renderSection(section: ProfileSection, texts: string[], speaker: Speaker): string {
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
function renderMatch(
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

function hasAnyTopic(profile: OwnerProfile): boolean {
  return topicsOf(profile).length > 0;
}

/** The offline model's reply, what kind of reply it is and what it drew on (recorded on the turn for the owner). */
export interface OfflineReply {
  text: string;
  outcome: AnswerOutcome;
  sources: AnswerSource[];
  /** The visitor asked to reach the owner: the chat offers them the contact form. */
  offerContact?: boolean;
}

const fromSections = (sections: readonly ProfileSection[]): AnswerSource[] =>
  PROFILE_SECTIONS.filter((section) => sections.includes(section)).map((section) => ({ kind: "profile", section }));

/** Each knowledge item once, in the order the reply used them. */
function fromKnowledge(entries: readonly KnowledgeEntry[]): AnswerSource[] {
  const seen = new Set<string>();
  const sources: AnswerSource[] = [];
  for (const entry of entries) {
    if (seen.has(entry.item_id)) continue;
    seen.add(entry.item_id);
    sources.push({ kind: "knowledge", id: entry.item_id, item_kind: entry.kind, title: entry.title });
  }
  return sources;
}

/**
 * The offline model's reply to one visitor message, in the bot's voice. Every word is either fixed
 * template text or copied from the profile or the owner's knowledge, and the same input always
 * gives the same reply.
 */
export function composeOfflineReply(
  profile: OwnerProfile,
  turn: OfflineTurn,
  lexicon: Lexicon,
  knowledge: readonly KnowledgeEntry[] = [],
  voice: Voice = "assistant",
): OfflineReply {
  const owner = ownerOf(profile);
  const speaker: Speaker = { owner, voice };
  const mine = voice === "first_person";
  const emptyProfile = `${capitalize(whose(speaker))} profile doesn't have any details yet.`;
  const reply = (text: string, outcome: AnswerOutcome, sources: AnswerSource[] = []): OfflineReply => ({
    text,
    outcome,
    sources,
  });

  switch (classifyVisitorMessage(turn.question, profile.name)) {
    case "greeting": {
      const hello = mine
        ? profile.name
          ? `Hi! I'm ${owner.fullName}.`
          : "Hi!"
        : `Hi! I'm ${possessiveOf(owner.fullName)} assistant.`;
      return reply(
        hasAnyTopic(profile)
          ? sentences(hello, offerTopics(profile, speaker), "What would you like to know?")
          : sentences(hello, emptyProfile),
        "small_talk",
      );
    }
    case "thanks":
      return reply(
        mine
          ? "You're welcome! Feel free to ask me anything else."
          : `You're welcome! Feel free to ask anything else about ${owner.ref}.`,
        "small_talk",
      );
    case "manipulation":
      return reply(
        sentences(
          "Sorry, I can't help with that.",
          mine
            ? "I'm here to answer questions about me and my work."
            : `I'm here to answer questions about ${owner.ref} from ${owner.possessive} profile.`,
          offerTopics(profile, speaker),
        ),
        "declined",
      );
    case "contact": {
      // The owner's own answer to how to reach them comes first; the form is offered beside it.
      // Nothing else competes with it here: a Q&A the database matched is the owner's answer.
      const answered = matchingQuestionAndAnswer(knowledge, turn.question, [], lexicon, profile.name);
      if (answered)
        return { ...reply(answered.content, "from_content", fromKnowledge([answered])), offerContact: true };
      return contactReply(owner.ref, turn.takesDetails === true, voice);
    }
    case "question":
      break;
  }

  const result = retrievePassages(profile, turn, lexicon);
  // The owner answered this question themselves: their words, as written.
  const profilePassages = splitProfileIntoPassages(profile);
  const answered = matchingQuestionAndAnswer(
    knowledge,
    turn.question,
    [...profilePassages.map((passage) => passage.text), ...allKnowledgeSentences(knowledge)],
    lexicon,
    profile.name,
  );
  if (answered) return reply(answered.content, "from_content", fromKnowledge([answered]));

  const fromNotes = knowledgeSentences(knowledge, turn.question, lexicon, profile.name);
  const notes =
    fromNotes.length === 0
      ? ""
      : `From ${whose(speaker)} notes: ${renderPassageTexts(
          fromNotes.map((sentence) => sentence.text),
          mine ? (text) => speaksOfOwner(text, owner) : isFirstPerson,
        )}`;
  const noteSources = fromKnowledge(fromNotes.map((sentence) => sentence.entry));
  switch (result.kind) {
    case "match":
      return reply(
        sentences(renderMatch(result.passages, speaker, profilePassages, turn.earlierAnswers?.[0]), notes),
        "from_content",
        [...fromSections(result.passages.map((passage) => passage.section)), ...noteSources],
      );
    case "exhausted": {
      const labels = result.sections.map((section) => (section === "name" ? "name" : TOPIC_LABELS[section]));
      return reply(
        sentences(
          mine
            ? `That's everything I've written about my ${formatList(labels)}.`
            : `That's everything I know about ${owner.possessive} ${formatList(labels)}.`,
          offerTopics(profile, speaker, true, result.sections),
        ),
        "from_content",
        fromSections(result.sections),
      );
    }
    case "no-match":
      if (notes !== "") return reply(notes, "from_content", noteSources);
      return reply(
        hasAnyTopic(profile)
          ? sentences(
              mine
                ? "I don't know that, I'm afraid: it isn't something I've written about here."
                : `I don't know that, I'm afraid: ${owner.possessive} profile doesn't say.`,
              offerTopics(profile, speaker),
            )
          : sentences("I don't know that.", emptyProfile),
        "unanswered",
      );
  }
}
