import {
  type ChatbotConfiguration,
  type ConfigurationInput,
  EDITOR_KEYS,
  type EditorKey,
} from "@/lib/chatbots/configuration";

// The chatbot editor's values as the form holds them, and the configuration they make. Shared by
// the form and its live preview, so the preview chats with exactly what would be saved. The keys
// are the configuration table's own (lib/chatbots/configuration.ts, those set by "editor"): a new
// key needs its line there and its control in the form, and nothing here unless its control holds
// something other than the stored value.

export const RETENTION_CHOICES = ["forever", "30", "90", "365"] as const;
export type RetentionChoice = (typeof RETENTION_CHOICES)[number];

/** The keys whose control holds something other than the stored value, both ways. */
const HELD = {
  /** As typed: words separated by commas or spaces. */
  blocked_words: {
    hold: (words: string[]): string => words.join(", "),
    save: (typed: string): string[] => typed.split(/[\s,]+/).filter(Boolean),
  },
  /** A select's value: "forever", or the days conversations are kept. */
  retention_days: {
    hold: (days: ChatbotConfiguration["retention_days"]): RetentionChoice =>
      days === null ? "forever" : (String(days) as RetentionChoice),
    save: (choice: RetentionChoice): ChatbotConfiguration["retention_days"] =>
      choice === "forever" ? null : (Number(choice) as 30 | 90 | 365),
  },
  /** Kept as typed, blank lines too, while editing; saved trimmed, without the blank ones. */
  starter_questions: {
    hold: (questions: string[]): string[] => questions,
    save: (questions: string[]): string[] => questions.map((question) => question.trim()).filter(Boolean),
  },
} satisfies {
  [Key in EditorKey]?: { hold(value: ChatbotConfiguration[Key]): unknown; save(held: never): ConfigurationInput[Key] };
};
type Held = typeof HELD;

// Keys only a real model reads: the form has no control for them with the offline model, so sends none.
const REAL_MODEL_KEYS: readonly EditorKey[] = ["model", "temperature"];

/** The editor's configuration: every key it has a control for, as that control holds it. */
export type EditorConfiguration = {
  [Key in EditorKey]: Key extends keyof Held ? ReturnType<Held[Key]["hold"]> : ChatbotConfiguration[Key];
};

/** The chatbot's own fields, under the API's names, and its configuration. */
export interface EditorValues {
  name: string;
  description: string;
  public_url_slug: string;
  is_public: boolean;
  configuration: EditorConfiguration;
}

export interface EditorChatbot {
  id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  public_url_slug: string;
  configuration: ChatbotConfiguration;
}

interface Converter {
  hold(value: unknown): unknown;
  save(held: unknown): unknown;
}

/**
 * A key's converter, seen without its own types (HELD's satisfies clause checks each pairing):
 * with the casts in valuesOf and configurationOf, the one place that trusts the per-key mapping.
 */
function heldOf(key: EditorKey): Converter | undefined {
  return key in HELD ? (HELD[key as keyof Held] as Converter) : undefined;
}

export function valuesOf(chatbot: EditorChatbot): EditorValues {
  const configuration = Object.fromEntries(
    EDITOR_KEYS.map((key) => {
      const value = chatbot.configuration[key];
      const converter = heldOf(key);
      return [key, converter ? converter.hold(value) : value];
    }),
  ) as EditorConfiguration;
  return {
    name: chatbot.name,
    description: chatbot.description ?? "",
    public_url_slug: chatbot.public_url_slug,
    is_public: chatbot.is_public,
    configuration,
  };
}

/** The configuration these values make; model and temperature only where a real model answers. */
export function configurationOf(values: EditorValues, { realModel }: { realModel: boolean }): ConfigurationInput {
  const keys = realModel ? EDITOR_KEYS : EDITOR_KEYS.filter((key) => !REAL_MODEL_KEYS.includes(key));
  return Object.fromEntries(
    keys.map((key) => {
      const held = values.configuration[key];
      const converter = heldOf(key);
      return [key, converter ? converter.save(held) : held];
    }),
  ) as ConfigurationInput;
}

type EditorFields = Omit<EditorValues, "configuration">;

/** What each of the editor's cards gets: the values, their setters and the save's field errors. */
export interface EditorCardProps {
  values: EditorValues;
  /** Sets one of the chatbot's own fields. */
  setField: <Key extends keyof EditorFields>(key: Key, value: EditorFields[Key]) => void;
  /** Sets one configuration key, as its control holds it. */
  setKey: <Key extends EditorKey>(key: Key, value: EditorConfiguration[Key]) => void;
  /** By the API's dotted path: name, public_url_slug, configuration.tone… */
  errors: Record<string, string>;
}
