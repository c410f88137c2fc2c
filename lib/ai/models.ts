import "server-only";
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { getEnv } from "@/lib/env";
import { activeModelLabel } from "./model-label";
import { createOfflineModel } from "./offline/model";

export interface ChatModel {
  model: LanguageModel;
  /** What the message log records: "offline", or "<provider>:<model>". */
  label: string;
}

type ModelFactory = (requested: string | null) => ChatModel;

const holder = globalThis as typeof globalThis & { __chatfolioModelFactory?: ModelFactory };

function configuredModel(requested: string | null): ChatModel {
  const env = getEnv();
  if (!env.OPENAI_API_KEY) return { model: createOfflineModel(), label: activeModelLabel() };
  // A bot may pick a model only from the deployment's allow-list; anything else gets the default.
  const id = requested && env.chatModels.includes(requested) ? requested : env.CHAT_MODEL;
  const provider = createOpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL });
  // OpenAI-compatible servers (Ollama, vLLM, LM Studio, OpenRouter) speak Chat Completions;
  // OpenAI itself gets its Responses API.
  const model = env.OPENAI_BASE_URL ? provider.chat(id) : provider(id);
  return { model, label: `${env.OPENAI_BASE_URL ? "openai-compatible" : "openai"}:${id}` };
}

/** The model a chatbot answers with: OpenAI (or compatible) when configured, the offline model otherwise. */
export function getLanguageModel(requested: string | null = null): ChatModel {
  return (holder.__chatfolioModelFactory ?? configuredModel)(requested);
}

/**
 * Replaces the model for this process: tests use the AI SDK's mock models, since OpenAI's API is
 * the one network they cannot reach. Pass undefined to return to the configured model.
 */
export function setLanguageModelForTests(factory: ModelFactory | undefined): void {
  holder.__chatfolioModelFactory = factory;
}

/**
 * The models a bot may choose, when a real model answers (OPENAI_API_KEY); null with the offline
 * model, which has no model or temperature to choose, so the editor hides both.
 */
export function selectableModels(): string[] | null {
  const env = getEnv();
  return env.OPENAI_API_KEY ? env.chatModels : null;
}
