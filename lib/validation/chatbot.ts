import { z } from "zod";
import { timestampSchema, uuidSchema } from "./common";

// Shared by the API routes, the chat engine and the dashboard forms: no "server-only" here, and
// nothing that reads the server's environment (the model allow-list is checked in
// ./chatbot-server.ts).

// ---------------------------------------------------------------------------------------------
// Slugs
// ---------------------------------------------------------------------------------------------

/**
 * Words a chatbot's slug may not be: the app's own routes, and names a visitor could mistake for
 * the product speaking (admin, support ...). Reserved even where no route uses them yet, because
 * a slug, once handed out, can't be taken back.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "about",
  "account",
  "accounts",
  "admin",
  "administrator",
  "api",
  "app",
  "assets",
  "auth",
  "billing",
  "blog",
  "c",
  "callback",
  "chat",
  "chatbot",
  "chatbots",
  "chatfolio",
  "contact",
  "dashboard",
  "docs",
  "embed",
  "help",
  "home",
  "keys",
  "legal",
  "login",
  "logout",
  "me",
  "messages",
  "new",
  "null",
  "oauth",
  "openapi",
  "pricing",
  "privacy",
  "profile",
  "register",
  "root",
  "security",
  "settings",
  "sign-in",
  "sign-out",
  "sign-up",
  "signin",
  "signout",
  "signup",
  "static",
  "status",
  "support",
  "system",
  "terms",
  "undefined",
  "visitors",
  "widget",
  "www",
]);

export const SLUG_MIN = 3;
export const SLUG_MAX = 64;
const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A chatbot's public URL segment, as given by a client: refused (never rewritten) when malformed. */
export const slugSchema = z
  .string({ error: "Must be a string." })
  .min(SLUG_MIN, `Must be at least ${SLUG_MIN} characters.`)
  .max(SLUG_MAX, `Must be at most ${SLUG_MAX} characters.`)
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens, not starting or ending with a hyphen.")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "This word is reserved; choose another slug.")
  .meta({ not: { enum: [...RESERVED_SLUGS] } });

// Letters NFKD can't decompose into ASCII plus a combining mark.
const FOLDS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
  ħ: "h",
};

// Where generate_unique_slug appends "-<n>"; kept short enough that it never has to cut the base.
const GENERATED_BASE_MAX = 56;

/**
 * The base of a slug made from a chatbot's name: ASCII-folded ("Zoë's Bot!" -> "zoes-bot"),
 * apostrophes dropped rather than turned into hyphens, at most 56 characters so a numeric suffix
 * fits. Too short or reserved bases get "-bot" appended; a name with no ASCII at all gives "bot".
 * generate_unique_slug then makes it unique.
 */
export function slugify(name: string): string {
  const folded = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðþłıħ]/g, (letter) => FOLDS[letter] ?? letter)
    .replace(/['’ʼ`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, GENERATED_BASE_MAX)
    .replace(/-+$/, "");
  if (folded === "") return "bot";
  return folded.length < SLUG_MIN || RESERVED_SLUGS.has(folded) ? `${folded}-bot` : folded;
}

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

export const TONES = ["professional", "friendly", "casual", "concise"] as const;

/** The value each configuration key takes when given; the one definition every schema below reuses. */
const configurationFields = {
  welcome_message: z.string().trim().max(500, "Must be at most 500 characters."),
  starter_questions: z
    .array(z.string().trim().min(1, "Must not be empty.").max(200, "Must be at most 200 characters."))
    .max(6, "At most 6 starter questions."),
  instructions: z.string().trim().max(4_000, "Must be at most 4,000 characters."),
  tone: z.enum(TONES),
  /** The shape only: whether the server offers the model is checked against CHAT_MODELS on the server. */
  model: z.string().trim().min(1, "Must not be empty.").max(200, "Must be at most 200 characters."),
  temperature: z.number().min(0, "Must be between 0 and 2.").max(2, "Must be between 0 and 2."),
  rate_limit: z.strictObject({
    max_messages: z.int().min(1, "Must be between 1 and 1000.").max(1_000, "Must be between 1 and 1000."),
    window_seconds: z.int().min(10, "Must be between 10 and 86400.").max(86_400, "Must be between 10 and 86400."),
  }),
  theme: z.strictObject({
    accent_color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Must be a colour like #1a2b3c."),
  }),
};

/** What a chatbot uses for each key its owner hasn't set. */
export const CONFIGURATION_DEFAULTS = {
  welcome_message: "Hi! Ask me anything about my owner's work, skills, experience and interests.",
  starter_questions: ["What do they do?", "What are their main skills?", "What are they interested in?"],
  instructions: "",
  tone: "professional",
  /** null: the deployment's default model (CHAT_MODEL). */
  model: null,
  temperature: 0.3,
  rate_limit: { max_messages: 20, window_seconds: 600 },
  theme: { accent_color: "#2563eb" },
} as const satisfies Record<keyof typeof configurationFields, unknown>;

/**
 * THE chatbot configuration: unknown keys refused, every key optional with its default. Parsing
 * gives the complete configuration a chatbot runs with; its JSON Schema for io "input" documents
 * what a client may send, for io "output" what the API returns.
 */
export const chatbotConfigurationSchema = z.strictObject({
  welcome_message: configurationFields.welcome_message.default(CONFIGURATION_DEFAULTS.welcome_message),
  starter_questions: configurationFields.starter_questions.default(() => [...CONFIGURATION_DEFAULTS.starter_questions]),
  instructions: configurationFields.instructions.default(CONFIGURATION_DEFAULTS.instructions),
  tone: configurationFields.tone.default(CONFIGURATION_DEFAULTS.tone),
  model: configurationFields.model.nullable().default(CONFIGURATION_DEFAULTS.model),
  temperature: configurationFields.temperature.default(CONFIGURATION_DEFAULTS.temperature),
  rate_limit: configurationFields.rate_limit.default(() => ({ ...CONFIGURATION_DEFAULTS.rate_limit })),
  theme: configurationFields.theme.default(() => ({ ...CONFIGURATION_DEFAULTS.theme })),
});
export type ChatbotConfiguration = z.output<typeof chatbotConfigurationSchema>;
export type ConfigurationKey = keyof ChatbotConfiguration;
export const CONFIGURATION_KEYS = Object.keys(configurationFields) as ConfigurationKey[];

/**
 * POST: only the keys the owner sets are stored, so a default changed later reaches every bot
 * that never overrode it.
 */
export const configurationInputSchema = z.strictObject({
  welcome_message: configurationFields.welcome_message.optional(),
  starter_questions: configurationFields.starter_questions.optional(),
  instructions: configurationFields.instructions.optional(),
  tone: configurationFields.tone.optional(),
  model: configurationFields.model.nullable().optional(),
  temperature: configurationFields.temperature.optional(),
  rate_limit: configurationFields.rate_limit.optional(),
  theme: configurationFields.theme.optional(),
});
export type ConfigurationInput = z.output<typeof configurationInputSchema>;

/** PATCH: a key given replaces that key; a key given as null returns to its default. */
export const configurationPatchSchema = z.strictObject({
  welcome_message: configurationFields.welcome_message.nullable().optional(),
  starter_questions: configurationFields.starter_questions.nullable().optional(),
  instructions: configurationFields.instructions.nullable().optional(),
  tone: configurationFields.tone.nullable().optional(),
  model: configurationFields.model.nullable().optional(),
  temperature: configurationFields.temperature.nullable().optional(),
  rate_limit: configurationFields.rate_limit.nullable().optional(),
  theme: configurationFields.theme.nullable().optional(),
});
export type ConfigurationPatch = z.output<typeof configurationPatchSchema>;

/**
 * The complete configuration of a stored chatbot. Tolerant on purpose: a key that no longer
 * validates (a limit tightened since, a hand-edited row) falls back to its default instead of
 * breaking every read of the bot; unknown keys are dropped.
 */
export function resolveConfiguration(stored: unknown): ChatbotConfiguration {
  const source = typeof stored === "object" && stored !== null && !Array.isArray(stored) ? stored : {};
  const kept: Record<string, unknown> = {};
  for (const key of CONFIGURATION_KEYS) {
    const value = (source as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    if (chatbotConfigurationSchema.shape[key].safeParse(value).success) kept[key] = value;
  }
  return chatbotConfigurationSchema.parse(kept);
}

// ---------------------------------------------------------------------------------------------
// Chatbots
// ---------------------------------------------------------------------------------------------

export const CHATBOT_NAME_MAX = 100;
export const CHATBOT_DESCRIPTION_MAX = 1_000;

const nameField = z
  .string({ error: "name is required and must be a string." })
  .trim()
  .min(1, "Must not be empty.")
  .max(CHATBOT_NAME_MAX, `Must be at most ${CHATBOT_NAME_MAX} characters.`);

const descriptionField = z
  .string({ error: "Must be a string or null." })
  .trim()
  .max(CHATBOT_DESCRIPTION_MAX, `Must be at most ${CHATBOT_DESCRIPTION_MAX.toLocaleString("en")} characters.`)
  .nullable();

/**
 * POST /api/chatbots. Unknown top-level keys (user_id, id, timestamps) are stripped: a chatbot
 * always belongs to the caller. Without public_url_slug one is made from the name.
 */
export const createChatbotSchema = z.object({
  name: nameField,
  description: descriptionField.optional(),
  is_public: z.boolean({ error: "Must be true or false." }).default(true),
  configuration: configurationInputSchema.optional(),
  public_url_slug: slugSchema.nullish(),
});
export type CreateChatbotInput = z.output<typeof createChatbotSchema>;

/** PATCH /api/chatbots/{id}: any subset of the create fields. */
export const updateChatbotSchema = z.object({
  name: nameField.optional(),
  description: descriptionField.optional(),
  is_public: z.boolean({ error: "Must be true or false." }).optional(),
  configuration: configurationPatchSchema.optional(),
  public_url_slug: slugSchema.optional(),
});
export type UpdateChatbotInput = z.output<typeof updateChatbotSchema>;

/** The chatbot as the API returns it (the original design's ChatbotModel), configuration complete. */
export const chatbotSchema = z.object({
  id: uuidSchema,
  user_id: uuidSchema,
  name: z.string(),
  description: z.string().nullable(),
  is_public: z.boolean(),
  configuration: chatbotConfigurationSchema,
  public_url_slug: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Chatbot = z.output<typeof chatbotSchema>;
