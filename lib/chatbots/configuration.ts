import { z } from "zod";
import { TONES, VOICES } from "@/lib/constants";

// A chatbot's configuration: every key declared once below, and everything else (the stored and
// returned shape, what POST and PATCH accept, the defaults, the key list) derived from that table.
// Shared by the API routes, the chat engine, the pages and the OpenAPI document: no "server-only"
// here, and nothing that reads the server's environment (the model allow-list is checked in
// lib/chatbots/server-schemas.ts).

/** editor: the dashboard's chatbot editor has a control for the key; api: only the API sets it. */
type SetBy = "editor" | "api";

interface Setting<Schema extends z.ZodType, Default, By extends SetBy = SetBy> {
  /** The value the key takes when an owner sets it. */
  schema: Schema;
  /** What a bot uses while its owner hasn't set the key; null: the key may be null, and is by default. */
  default: Default;
  /** One line for the API's documentation. */
  description: string;
  /** Who sets it: the editor sends only its own keys, so the others keep what the API stored. */
  setBy: By;
}

function setting<Schema extends z.ZodType, Default extends z.output<Schema> | null, By extends SetBy>(
  schema: Schema,
  fallback: Default,
  description: string,
  setBy: By,
): Setting<Schema, Default, By> {
  return { schema, default: fallback, description, setBy };
}

// Declaration order is the order of the API's JSON and of its documentation.
const CONFIGURATION = {
  welcome_message: setting(
    z.string().trim().max(500, "Must be at most 500 characters."),
    "Hi! Ask me anything about my owner's work, skills, experience and interests.",
    "The chat's first message, shown before the visitor writes.",
    "editor",
  ),
  starter_questions: setting(
    z
      .array(z.string().trim().min(1, "Must not be empty.").max(200, "Must be at most 200 characters."))
      .max(6, "At most 6 starter questions."),
    ["What do they do?", "What are their main skills?", "What are they interested in?"],
    "Questions a visitor can ask with one click.",
    "editor",
  ),
  instructions: setting(
    z.string().trim().max(4_000, "Must be at most 4,000 characters."),
    "",
    "The owner's own guidance for the assistant, added to its instructions.",
    "editor",
  ),
  tone: setting(z.enum(TONES), "professional", "How the assistant speaks.", "editor"),
  voice: setting(
    z.enum(VOICES, { error: "Must be assistant or first_person." }),
    "assistant",
    'Who the bot speaks as: assistant, the owner\'s assistant speaking about them ("Ada is based in Lisbon"), or first_person, the owner speaking ("I\'m based in Lisbon"). Both the offline model and a real model follow it.',
    "editor",
  ),
  model: setting(
    // The shape only: whether the server offers the model is checked against CHAT_MODELS on the server.
    z.string().trim().min(1, "Must not be empty.").max(200, "Must be at most 200 characters."),
    null,
    "The model that answers, one of the server's CHAT_MODELS; null: the server's default (CHAT_MODEL).",
    "editor",
  ),
  temperature: setting(
    z.number().min(0, "Must be between 0 and 2.").max(2, "Must be between 0 and 2."),
    0.3,
    "Sampling temperature, from 0 (most predictable) to 2.",
    "editor",
  ),
  rate_limit: setting(
    z.strictObject({
      max_messages: z.int().min(1, "Must be between 1 and 1000.").max(1_000, "Must be between 1 and 1000."),
      window_seconds: z.int().min(10, "Must be between 10 and 86400.").max(86_400, "Must be between 10 and 86400."),
    }),
    { max_messages: 20, window_seconds: 600 },
    "How many messages one visitor may send within window_seconds.",
    "editor",
  ),
  daily_message_limit: setting(
    z.int().min(1, "Must be between 1 and 1000000.").max(1_000_000, "Must be between 1 and 1000000."),
    null,
    "How many messages this bot answers per UTC day, all visitors together, so one bot can't spend the owner's whole monthly quota; null: no cap but the quota.",
    "api",
  ),
  blocked_words: setting(
    z
      .array(
        z
          .string()
          .trim()
          .min(1, "A blocked word can't be empty.")
          .max(40, "A blocked word has at most 40 characters.")
          .regex(/^[\p{L}\p{N}]+$/u, "One word each: letters and digits only."),
      )
      .max(100, "At most 100 blocked words."),
    [],
    "Words that make the bot refuse a message before the model sees it (whole words, any case); the refusal is counted, never stored.",
    "editor",
  ),
  contact_form: setting(
    z.enum(["off", "email_optional", "email_required"], {
      error: "Must be off, email_optional or email_required.",
    }),
    "email_required",
    "Whether visitors may leave their details for you in the chat (POST /api/chat/contact), and whether an email is required.",
    "api",
  ),
  retention_days: setting(
    z.union([z.literal(30), z.literal(90), z.literal(365)], { error: "Keep conversations 30, 90 or 365 days." }),
    null,
    "How many days conversations are kept after their last message (30, 90 or 365), then deleted with their visitors' words by a background sweep; null: kept until deleted.",
    "editor",
  ),
  show_sources: setting(
    z.boolean(),
    false,
    "Show visitors which profile sections and knowledge items each answer drew on, as chips under it (and as sources in the chat API's answer).",
    "editor",
  ),
  theme: setting(
    z.strictObject({ accent_color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Must be a colour like #1a2b3c.") }),
    { accent_color: "#2563eb" },
    "The chat's accent colour.",
    "editor",
  ),
};

type Table = typeof CONFIGURATION;
export type ConfigurationKey = keyof Table;
export const CONFIGURATION_KEYS = Object.keys(CONFIGURATION) as ConfigurationKey[];

/** A key's value in a complete configuration: its schema, nullable when its default is null. */
type ValueSchema<Key extends ConfigurationKey> = Table[Key]["default"] extends null
  ? z.ZodNullable<Table[Key]["schema"]>
  : Table[Key]["schema"];

/** The keys the dashboard's chatbot editor has a control for, in the table's order. */
export type EditorKey = {
  [Key in ConfigurationKey]: Table[Key]["setBy"] extends "editor" ? Key : never;
}[ConfigurationKey];
export const EDITOR_KEYS = CONFIGURATION_KEYS.filter((key): key is EditorKey => CONFIGURATION[key].setBy === "editor");

/** One key's entry, seen without its own types: what the builders below need. */
function settingOf(key: ConfigurationKey): Setting<z.ZodType, unknown> {
  return CONFIGURATION[key];
}

function valueSchema(key: ConfigurationKey): z.ZodType {
  const { schema, default: fallback } = settingOf(key);
  return fallback === null ? schema.nullable() : schema;
}

/**
 * An object shape with one property per key, each described for the API's documentation. The
 * caller names the shape's type, which the per-key builder can't prove on its own: this is the
 * one place that trusts it.
 */
function shapeOf<Shape extends Record<ConfigurationKey, z.ZodType>>(
  build: (key: ConfigurationKey) => z.ZodType,
): Shape {
  return Object.fromEntries(
    CONFIGURATION_KEYS.map((key) => [key, build(key).meta({ description: settingOf(key).description })]),
  ) as Shape;
}

/**
 * THE chatbot configuration: unknown keys refused, every key optional with its default. Parsing
 * gives the complete configuration a chatbot runs with; its JSON Schema for io "input" documents
 * what a client may send, for io "output" what the API returns.
 */
export const chatbotConfigurationSchema = z.strictObject(
  shapeOf<{ [Key in ConfigurationKey]: z.ZodDefault<ValueSchema<Key>> }>((key) => {
    const fallback = settingOf(key).default;
    // A copy per parse: a caller changing its configuration must not change the default.
    return valueSchema(key).default(() => structuredClone(fallback));
  }),
);
export type ChatbotConfiguration = z.output<typeof chatbotConfigurationSchema>;

/** What a chatbot uses for each key its owner hasn't set. */
export const CONFIGURATION_DEFAULTS: Readonly<ChatbotConfiguration> = Object.freeze(
  chatbotConfigurationSchema.parse({}),
);

/**
 * POST: only the keys the owner sets are stored, so a default changed later reaches every bot
 * that never overrode it.
 */
export const configurationInputSchema = z.strictObject(
  shapeOf<{ [Key in ConfigurationKey]: z.ZodOptional<ValueSchema<Key>> }>((key) => valueSchema(key).optional()),
);
export type ConfigurationInput = z.output<typeof configurationInputSchema>;

/** PATCH: a key given replaces that key; a key given as null returns to its default. */
export const configurationPatchSchema = z.strictObject(
  shapeOf<{ [Key in ConfigurationKey]: z.ZodOptional<z.ZodNullable<Table[Key]["schema"]>> }>((key) =>
    settingOf(key).schema.nullable().optional(),
  ),
);
export type ConfigurationPatch = z.output<typeof configurationPatchSchema>;

/**
 * The complete configuration of a stored chatbot. Tolerant on purpose: a key that no longer
 * validates (a limit tightened since, a hand-edited row) falls back to its default instead of
 * breaking every read of the bot; unknown keys are dropped.
 */
export function resolveConfiguration(stored: unknown): ChatbotConfiguration {
  const source: Record<string, unknown> =
    typeof stored === "object" && stored !== null && !Array.isArray(stored) ? { ...stored } : {};
  const kept: Partial<Record<ConfigurationKey, unknown>> = {};
  for (const key of CONFIGURATION_KEYS) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    if (chatbotConfigurationSchema.shape[key].safeParse(value).success) kept[key] = value;
  }
  return chatbotConfigurationSchema.parse(kept);
}
