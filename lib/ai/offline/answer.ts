import type { AnswerOutcome, AnswerSource, Voice } from "@/lib/constants";
import type { Lexicon } from "@/lib/language/analysis";
import { type OwnerProfile, PROFILE_SECTIONS, type ProfileSection } from "../instructions";
import type { KnowledgeEntry } from "../knowledge-block";
import { contactReply } from "./contact-reply";
import { allKnowledgeSentences, knowledgeSentences, matchingQuestionAndAnswer } from "./knowledge";
import { splitProfileIntoPassages } from "./passages";
import type { OfflineReply, OfflineTurn } from "./reply";
import { retrievePassages } from "./retrieval";
import { classifyVisitorMessage } from "./visitor-intent";
import {
  capitalize,
  formatList,
  hasAnyTopic,
  isFirstPerson,
  offerTopics,
  ownerOf,
  possessiveOf,
  renderMatch,
  renderPassageTexts,
  type Speaker,
  sentences,
  speaksOfOwner,
  TOPIC_LABELS,
  whose,
} from "./wording";

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
