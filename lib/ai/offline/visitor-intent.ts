export type VisitorIntent = "greeting" | "thanks" | "manipulation" | "question";

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
  /\bnew (instructions|rules|persona)\b/,
];

const GREETING =
  /^(hi|hello|hey|hiya|howdy|greetings|yo|good (morning|afternoon|evening|day))( there| all| everyone)?$/;
const THANKS =
  /^(thanks|thank you|thank u|thx|ty|cheers|many thanks|much appreciated|appreciate it|great thanks|ok thanks|okay thanks|perfect thanks)( (so|very) much| a lot| again)?$/;

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
  return "question";
}

function firstWord(name: string): string {
  return normalize(name).split(" ")[0] ?? "";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
