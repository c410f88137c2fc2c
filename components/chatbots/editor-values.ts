import type { ChatbotConfiguration, ConfigurationInput } from "@/lib/chatbots/configuration";
import type { Tone, Voice } from "@/lib/constants";

// The chatbot editor's values as the form holds them, and the configuration they make. Shared by
// the form and its live preview, so the preview chats with exactly what would be saved.

export interface EditorValues {
  name: string;
  description: string;
  publicUrlSlug: string;
  isPublic: boolean;
  welcomeMessage: string;
  starterQuestions: string[];
  instructions: string;
  tone: Tone;
  voice: Voice;
  model: string | null;
  temperature: number;
  maxMessages: number;
  windowSeconds: number;
  accentColor: string;
  /** As typed: words separated by commas or spaces. */
  blockedWords: string;
  showSources: boolean;
  /** "forever", or the days conversations are kept. */
  retention: RetentionChoice;
}

export const RETENTION_CHOICES = ["forever", "30", "90", "365"] as const;
export type RetentionChoice = (typeof RETENTION_CHOICES)[number];

export interface EditorChatbot {
  id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  public_url_slug: string;
  configuration: ChatbotConfiguration;
}

export function valuesOf(chatbot: EditorChatbot): EditorValues {
  const { configuration } = chatbot;
  return {
    name: chatbot.name,
    description: chatbot.description ?? "",
    publicUrlSlug: chatbot.public_url_slug,
    isPublic: chatbot.is_public,
    welcomeMessage: configuration.welcome_message,
    starterQuestions: configuration.starter_questions,
    instructions: configuration.instructions,
    tone: configuration.tone,
    voice: configuration.voice,
    model: configuration.model,
    temperature: configuration.temperature,
    maxMessages: configuration.rate_limit.max_messages,
    windowSeconds: configuration.rate_limit.window_seconds,
    accentColor: configuration.theme.accent_color,
    blockedWords: configuration.blocked_words.join(", "),
    showSources: configuration.show_sources,
    retention:
      configuration.retention_days === null ? "forever" : (String(configuration.retention_days) as RetentionChoice),
  };
}

/** The configuration these values make; model and temperature only where a real model answers. */
export function configurationOf(values: EditorValues, { realModel }: { realModel: boolean }): ConfigurationInput {
  return {
    welcome_message: values.welcomeMessage,
    starter_questions: values.starterQuestions.map((question) => question.trim()).filter(Boolean),
    instructions: values.instructions,
    tone: values.tone,
    voice: values.voice,
    ...(realModel ? { model: values.model, temperature: values.temperature } : {}),
    rate_limit: { max_messages: values.maxMessages, window_seconds: values.windowSeconds },
    show_sources: values.showSources,
    retention_days: values.retention === "forever" ? null : (Number(values.retention) as 30 | 90 | 365),
    theme: { accent_color: values.accentColor },
    blocked_words: values.blockedWords.split(/[\s,]+/).filter(Boolean),
  };
}
