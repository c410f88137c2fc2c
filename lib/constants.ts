// Values the server's schemas and the browser's components must agree on, shared by several
// features (a feature's own values live in its folder). Plain values only: no zod, no
// "server-only", no Node APIs, and nothing of ours imported, so a client component imports them
// without pulling a validator into the public page's bundle.

/** Longest message a visitor may send, in characters. */
export const MESSAGE_MAX = 4_000;
/** Longest name a visitor may give. */
export const VISITOR_NAME_MAX = 100;
/** Longest comment a visitor may add to a thumbs down (one line). */
export const FEEDBACK_COMMENT_MAX = 500;
/** A visitor's rating of an answer. */
export const FEEDBACK_RATINGS = ["up", "down"] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];
/** Longest reply an owner may write in a conversation. */
export const OWNER_REPLY_MAX = 4_000;

/**
 * What an API key may do: `read` only the API's GET operations (and their MCP tools), `write`
 * every operation a key may call. The API keys' check constraint lists the same two.
 */
export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Shortest password a new account may have (the sign-up form says so before the server does). */
export const PASSWORD_MIN_LENGTH = 8;

/** How a chatbot speaks; configuration.tone picks one. */
export const TONES = ["professional", "friendly", "casual", "concise"] as const;
export type Tone = (typeof TONES)[number];

/** Who a chatbot speaks as; configuration.voice picks one: the owner's assistant, or the owner in the first person. */
export const VOICES = ["assistant", "first_person"] as const;
export type Voice = (typeof VOICES)[number];

/** A stored message's lifecycle, as public.messages' status check lists it. */
export const MESSAGE_STATUSES = ["pending", "answered", "failed", "aborted", "rate_limited"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * What an answered turn's answer was: from the owner's content, unanswered (nothing relevant),
 * small talk, or declined. The questions queue lists the unanswered ones.
 */
export const ANSWER_OUTCOMES = ["from_content", "unanswered", "small_talk", "declined"] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

/** The provider-metadata key under which a model reports its answer's outcome and sources. */
export const OUTCOME_METADATA_KEY = "chatfolio";

/** The profile's sections, in the order the prompt and the pages list them. */
export const PROFILE_SECTION_NAMES = ["name", "location", "bio", "skills", "experience", "interests"] as const;
export type ProfileSectionName = (typeof PROFILE_SECTION_NAMES)[number];

/**
 * What an answer drew on, as messages.sources stores it: a profile section, or a knowledge item
 * (its title as it was when the answer was given, so the inbox can name one deleted since).
 */
export type AnswerSource =
  | { kind: "profile"; section: ProfileSectionName }
  | { kind: "knowledge"; id: string; item_kind: KnowledgeKind; title: string };

/** The kinds of knowledge item, as public.knowledge_items' kind check lists them. */
export const KNOWLEDGE_KINDS = ["qa", "note", "document", "web"] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** What a chatbot of an owner without a profile knows: nothing, and it says so. */
export const EMPTY_PROFILE = Object.freeze({
  name: null,
  location: null,
  bio: "",
  skills: "",
  experience: "",
  interests: "",
});

/** The ids the chat API sends with each answer's first part, so useChat clients learn them too. */
export interface ChatMessageMetadata {
  message_id: string;
  conversation_id: string;
  /** Sent with the finish part when the bot's owner shows sources to visitors (show_sources). */
  sources?: AnswerSource[];
  /** Sent with the finish part when the chat offers the contact form under this answer. */
  contact_offered?: boolean;
}

/** The query parameter of /c/<slug> that carries a reply email's token (lib/visitors/reply-link.ts). */
export const REPLY_LINK_PARAM = "r";
