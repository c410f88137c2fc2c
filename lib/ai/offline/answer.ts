import type { AnswerOutcome, AnswerSource } from "@/lib/constants";
import { type OwnerProfile, PROFILE_SECTIONS, type ProfileSection } from "../instructions";
import type { KnowledgeEntry } from "../knowledge-block";
import { contactReply } from "./contact-reply";
import { knowledgeSentences, matchingQuestionAndAnswer } from "./knowledge";
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
};

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
  return { fullName, ref, possessive: possessiveOf(ref) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function topicsOf(profile: OwnerProfile, exclude: ProfileSection[] = []): string[] {
  const topics: string[] = [];
  for (const section of PROFILE_SECTIONS) {
    if (section === "name" || exclude.includes(section)) continue;
    if ((profile[section] ?? "").trim() !== "") topics.push(TOPIC_LABELS[section]);
  }
  return topics;
}

function offerTopics(profile: OwnerProfile, owner: Owner, also = false, exclude: ProfileSection[] = []): string {
  const topics = topicsOf(profile, exclude);
  if (topics.length === 0) return "";
  return `I can ${also ? "also " : ""}tell you about ${owner.possessive} ${formatList(topics)}.`;
}

function sentences(...parts: string[]): string {
  return parts.filter((part) => part !== "").join(" ");
}

const FIRST_PERSON = /\b(I|I'm|I've|I'd|I'll)\b|\b(my|me|mine|myself)\b/i;
const ENDS_SENTENCE = /[.!?…]["”')]*$/;

/** Quotes the owner's own words verbatim rather than rephrasing them, so nothing gets invented. */
function renderPassageTexts(texts: string[]): string {
  const quoteIfFirstPerson = (text: string) => (FIRST_PERSON.test(text) ? `"${text}"` : text);
  if (texts.every((text) => !ENDS_SENTENCE.test(text))) {
    return `${quoteIfFirstPerson(texts.join("; "))}.`;
  }
  return texts.map((text) => quoteIfFirstPerson(ENDS_SENTENCE.test(text) ? text : `${text}.`)).join(" ");
}

function renderSection(section: ProfileSection, passages: RankedPassage[], owner: Owner): string {
  const texts = passages.map((passage) => passage.text);
  if (section === "name") return `This profile belongs to ${texts.join(" ")}.`;
  if (section === "location") return `${capitalize(owner.ref)} is based in ${texts.join(" ").replace(/[.!?]+$/, "")}.`;
  return `Here's what the profile says about ${owner.possessive} ${TOPIC_LABELS[section]}: ${renderPassageTexts(texts)}`;
}

function renderMatch(passages: RankedPassage[], owner: Owner): string {
  return sentences(
    ...PROFILE_SECTIONS.map((section) => {
      const inSection = passages.filter((passage) => passage.section === section);
      return inSection.length === 0 ? "" : renderSection(section, inSection, owner);
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
 * The offline model's reply to one visitor message. Every word is either fixed template text or
 * copied from the profile or the owner's knowledge, and the same input always gives the same reply.
 */
export function composeOfflineReply(
  profile: OwnerProfile,
  turn: OfflineTurn,
  knowledge: readonly KnowledgeEntry[] = [],
): OfflineReply {
  const owner = ownerOf(profile);
  const emptyProfile = `${capitalize(owner.possessive)} profile doesn't have any details yet.`;
  const reply = (text: string, outcome: AnswerOutcome, sources: AnswerSource[] = []): OfflineReply => ({
    text,
    outcome,
    sources,
  });

  switch (classifyVisitorMessage(turn.question, profile.name)) {
    case "greeting":
      return reply(
        hasAnyTopic(profile)
          ? sentences(
              `Hi! I'm ${possessiveOf(owner.fullName)} assistant.`,
              offerTopics(profile, owner),
              "What would you like to know?",
            )
          : sentences(`Hi! I'm ${possessiveOf(owner.fullName)} assistant.`, emptyProfile),
        "small_talk",
      );
    case "thanks":
      return reply(`You're welcome! Feel free to ask anything else about ${owner.ref}.`, "small_talk");
    case "manipulation":
      return reply(
        sentences(
          "Sorry, I can't help with that.",
          `I'm here to answer questions about ${owner.ref} from ${owner.possessive} profile.`,
          offerTopics(profile, owner),
        ),
        "declined",
      );
    case "contact": {
      // The owner's own answer to how to reach them comes first; the form is offered beside it.
      const answered = matchingQuestionAndAnswer(knowledge);
      if (answered)
        return { ...reply(answered.content, "from_content", fromKnowledge([answered])), offerContact: true };
      return contactReply(owner.ref, turn.takesDetails === true);
    }
    case "question":
      break;
  }

  // The owner answered this question themselves: their words, as written.
  const answered = matchingQuestionAndAnswer(knowledge);
  if (answered) return reply(answered.content, "from_content", fromKnowledge([answered]));

  const fromNotes = knowledgeSentences(knowledge, turn.question);
  const notes =
    fromNotes.length === 0
      ? ""
      : `From ${owner.possessive} notes: ${renderPassageTexts(fromNotes.map((sentence) => sentence.text))}`;
  const noteSources = fromKnowledge(fromNotes.map((sentence) => sentence.entry));
  const result = retrievePassages(profile, turn);
  switch (result.kind) {
    case "match":
      return reply(sentences(renderMatch(result.passages, owner), notes), "from_content", [
        ...fromSections(result.passages.map((passage) => passage.section)),
        ...noteSources,
      ]);
    case "exhausted": {
      const labels = result.sections.map((section) => (section === "name" ? "name" : TOPIC_LABELS[section]));
      return reply(
        sentences(
          `That's everything the profile says about ${owner.possessive} ${formatList(labels)}.`,
          offerTopics(profile, owner, true, result.sections),
        ),
        "from_content",
        fromSections(result.sections),
      );
    }
    case "no-match":
      if (notes !== "") return reply(notes, "from_content", noteSources);
      return reply(
        hasAnyTopic(profile)
          ? sentences(`I don't know that from ${owner.possessive} profile.`, offerTopics(profile, owner))
          : sentences("I don't know that.", emptyProfile),
        "unanswered",
      );
  }
}
