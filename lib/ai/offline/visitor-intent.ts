/** contact: the visitor wants to reach the owner themselves (talk, hire, call, write). */
export type VisitorIntent = "greeting" | "thanks" | "manipulation" | "contact" | "question";

const PROMPT_NOUN =
  "(system prompt|system message|prompts?|instructions?|rules|guidelines|directives|configuration|config)";

/**
 * Attempts to override the bot's rules or extract its prompt. An LLM is told to decline these;
 * the offline model must decline them too rather than answer a "question" hidden inside.
 */
const MANIPULATION_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(ignore|disregard|forget|override|bypass)\s+(all\s+|any\s+)?(of\s+)?(your|the|my|these|those|previous|prior|above|earlier|all|any)\s+(\w+\s+)?${PROMPT_NOUN}`,
  ),
  /\b(ignore|disregard|forget)\s+(the|everything|all|anything)\s+(above|before|said)\b/,
  new RegExp(
    String.raw`\b(reveal|show|print|display|repeat|output|dump|leak|share|give|tell|send|list|write|copy|paste)\b.{0,30}\b(your|the|this|these|those|system|initial|original|hidden|full|exact|entire|above)\s+${PROMPT_NOUN}`,
  ),
  new RegExp(String.raw`\bwhat (are|were|is) (your|the) ${PROMPT_NOUN}`),
  /\b(system|hidden|initial|original|secret) (prompt|instructions|message)\b/,
  /\byou are now\b/,
  /\b(pretend|roleplay|role-play|role play|impersonate)\b/,
  /(^|\b(you|now|please)\s+)act as\b/,
  /\bfrom now on\b/,
  /\b(jailbreak|developer mode|dan mode)\b/,
  /\bnew (instructions?|rules?|persona)\b/,
  /\byou are an? [\w -]{1,30} now\b/,
  // Claimed authority: "admin override", "developer mode", "this is the crew scheduling team".
  /\b(admin|administrator|developer|system|owner|operator|root) (override|mode|command|access|message)\b/,
  /^this is (the |a |an )?[\w -]{0,40}\b(team|department|desk|support|scheduling|admin|administrator|developer|security|police|hr)\b/,
  /\b(print|reveal|show|dump|leak|give|tell|send|list|share|read out)\b.{0,30}\b(private|secret|confidential|internal|hidden)\s+(\w+\s+)?(notes|data|information|files|records|details|messages)\b/,
];

const GREETING =
  /^(hi|hello|hey|hiya|howdy|greetings|yo|good (morning|afternoon|evening|day))( there| all| everyone)?$/;
/** One or more thanks, as people run them together: "cheers, thanks a lot". */
const THANKS =
  /^(?:(?:thanks|thank you|thank u|thx|ty|cheers|many thanks|much appreciated|appreciate it|great thanks|ok thanks|okay thanks|perfect thanks)(?: (?:so|very) much| a lot| again)? ?)+$/;

function normalize(message: string): string {
  return message
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}'\s-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Greetings and thanks only count when they are the whole message; "hi, where is she based?" is a question. */
export function classifyVisitorMessage(message: string, ownerName: string | null): VisitorIntent {
  const normalized = normalize(message);
  if (MANIPULATION_PATTERNS.some((pattern) => pattern.test(normalized))) return "manipulation";

  // "Hi Ada!" and "thanks, Ada" are still greetings and thanks.
  const nameForms = ownerName ? [normalize(ownerName), firstWord(ownerName)].filter((form) => form !== "") : [];
  const withoutName =
    nameForms.length === 0
      ? normalized
      : normalized
          .replace(new RegExp(nameForms.map((form) => `\\b${escapeRegExp(form)}\\b`).join("|"), "g"), " ")
          .replace(/\s+/g, " ")
          .trim();
  if (GREETING.test(withoutName)) return "greeting";
  if (THANKS.test(withoutName)) return "thanks";
  if (asksToReachOwner(normalized, nameForms)) return "contact";
  return "question";
}

/** Who the visitor may mean by the owner: a pronoun, "you" (the bot stands in for them), or the name. */
const OWNER_WORDS = "(her|him|them|you|the owner)";
const REACH_VERBS =
  "(contact|reach|email|e-mail|call|phone|ring|text|message|dm|hire|book|talk to|speak to|speak with|chat with|get in touch with|get hold of|work with)";
const CHANNELS =
  "(e-?mail|email address|phone|phone number|number|mobile|contact|contact details|contact info|contact information|calendar)";

/**
 * Asking to reach the owner rather than about them: "can I talk to her", "how do I contact him",
 * "what's her email", "I'd like to hire you", "can she call me". A channel is only a channel when
 * it is the owner's ("her email", not "email marketing").
 */
const CONTACT_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b${REACH_VERBS}\s+${OWNER_WORDS}\b`),
  new RegExp(
    String.raw`\b(her|his|their|your|the owner's)\s+${CHANNELS}\b(?!\s+(marketing|campaigns?|newsletters?|skills?|experience))`,
  ),
  /\b(get in touch|contact (details|info|information)|leave (a|my) (message|details|number|email))\b/,
  /\bhow (do|can|could|would|should) i (reach|contact|email|call|message|hire|book)\b/,
  /\b(can|could|would|will) (she|he|they|you) (call|email|e-mail|contact|phone|ring|text|message|reach) (me|us)\b/,
  /\b(i'd|i would|i want to|i wanna|we'd|we would|we want to) (like to |love to )?(hire|work with|talk to|speak to|speak with|meet|contact|reach|book)\b/,
];

function asksToReachOwner(normalized: string, nameForms: string[]): boolean {
  // "Why should we hire her?" asks what speaks for her, not how to reach her.
  if (normalized.startsWith("why ")) return false;
  // "How can I contact Ada?" reads as "how can I contact the owner?".
  const named =
    nameForms.length === 0
      ? normalized
      : normalized.replace(
          new RegExp(nameForms.map((form) => `\\b${escapeRegExp(form)}\\b`).join("|"), "g"),
          "the owner",
        );
  return CONTACT_PATTERNS.some((pattern) => pattern.test(named));
}

function firstWord(name: string): string {
  return normalize(name).split(" ")[0] ?? "";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
