import { z } from "zod";
import {
  chatbotConfigurationSchema,
  configurationInputSchema,
  configurationPatchSchema,
} from "@/lib/chatbots/configuration";
import { timestampSchema, uuidSchema } from "@/lib/validation/common";

// Shared by the API routes and the dashboard forms: no "server-only" here, and nothing that reads
// the server's environment (the model allow-list is checked in ./server-schemas.ts). The
// configuration's keys live in lib/chatbots/configuration.ts.

export const CHATBOT_NAME_MAX = 100;
export const CHATBOT_DESCRIPTION_MAX = 1_000;

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
// Chatbots
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Which knowledge a chatbot answers from
// ---------------------------------------------------------------------------------------------

/** How many items a chatbot's subset may list: more than an owner writes, few enough for one statement. */
export const CHATBOT_KNOWLEDGE_ITEMS_MAX = 1_000;

const knowledgeScopeSchema = z
  .enum(["all", "selected"], { error: 'scope must be "all" or "selected".' })
  .describe("all: every knowledge item of the owner, new ones included; selected: only the items in item_ids.");

/** GET /api/chatbots/{id}/knowledge, and what PUT answers. */
export const chatbotKnowledgeSchema = z.object({
  scope: knowledgeScopeSchema,
  item_ids: z
    .array(uuidSchema)
    .describe(
      "The items a selected-scope bot answers from; kept while the scope is all, so switching back restores it.",
    ),
});
export type ChatbotKnowledge = z.output<typeof chatbotKnowledgeSchema>;

/** PUT /api/chatbots/{id}/knowledge, and the dashboard's form. */
export const chatbotKnowledgeInputSchema = chatbotKnowledgeSchema.extend({
  item_ids: z
    .array(uuidSchema)
    .max(CHATBOT_KNOWLEDGE_ITEMS_MAX, `At most ${CHATBOT_KNOWLEDGE_ITEMS_MAX} items.`)
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))])
    .describe("The items the bot answers from while its scope is selected (an empty list: the profile alone)."),
});
