import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
  SharedV4Warning,
} from "@ai-sdk/provider";
import type { LanguageModel } from "ai";
import { EMPTY_PROFILE, OUTCOME_METADATA_KEY } from "@/lib/constants";
import { type Grounding, readOfflineModelOptions } from "../grounding";
import { composeOfflineReply } from "./answer";
import { readTurn } from "./reading";
import type { OfflineReply, OfflineTurn } from "./reply";

/** The offline model's provider name, by which answer.ts tells it from a real model. */
const OFFLINE_PROVIDER = "chatfolio";

/** Whether a model is the offline one, which reports its outcome and sources in provider metadata. */
export function isOfflineModel(model: LanguageModel): boolean {
  return typeof model === "object" && model.provider === OFFLINE_PROVIDER;
}

export type OfflineModelOptions = {
  /** Pause between streamed word groups; 0 still yields to the event loop so aborts land. */
  chunkDelayMs?: number;
};

const WORDS_PER_CHUNK = 3;
const TEXT_ID = "text-0";
/** Earlier user and assistant messages the offline model looks back over. */
const HISTORY_MESSAGES = 6;

type Message = LanguageModelV4Prompt[number];

function messageText(message: Message): string {
  if (message.role === "system") return message.content;
  const texts: string[] = [];
  for (const part of message.content) if (part.type === "text") texts.push(part.text);
  return texts.join("\n");
}

/** Without grounding it can read, the offline model knows nothing of anyone and says so. */
const NO_GROUNDING: Grounding = { profile: EMPTY_PROFILE, voice: "assistant", knowledge: [] };

/** The visitor's latest message and the exchange before it, from the prompt. */
function readTurnFrom(prompt: LanguageModelV4Prompt): OfflineTurn {
  const dialogue = prompt.filter((message) => message.role === "user" || message.role === "assistant");
  const lastUser = dialogue.findLastIndex((message) => message.role === "user");
  const question = lastUser === -1 ? "" : messageText(dialogue[lastUser]);
  // Most recent first, and only the recent past: old topics should not steer a new question.
  const earlier = dialogue.slice(Math.max(lastUser - HISTORY_MESSAGES, 0), Math.max(lastUser, 0)).reverse();
  const textsBy = (role: Message["role"]) => earlier.filter((message) => message.role === role).map(messageText);
  return {
    // An empty conversation gets the same welcome as "hi".
    question: question.trim() === "" ? "hi" : question,
    earlierQuestions: textsBy("user"),
    earlierAnswers: textsBy("assistant"),
  };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

/** Token counts are approximated by word counts: there is no tokenizer offline. */
function usageFor(prompt: LanguageModelV4Prompt, answer: string): LanguageModelV4Usage {
  const inputWords = prompt.reduce((sum, message) => sum + countWords(messageText(message)), 0);
  const outputWords = countWords(answer);
  return {
    inputTokens: { total: inputWords, noCache: inputWords, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputWords, text: outputWords, reasoning: 0 },
  };
}

/** Word groups that concatenate back to exactly the answer, whitespace included. */
function chunkAnswer(answer: string): string[] {
  const words = answer.match(/\s*\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let start = 0; start < words.length; start += WORDS_PER_CHUNK) {
    chunks.push(words.slice(start, start + WORDS_PER_CHUNK).join(""));
  }
  return chunks;
}

function warningsFor(options: LanguageModelV4CallOptions): SharedV4Warning[] {
  const warnings: SharedV4Warning[] = [];
  if (options.tools && options.tools.length > 0) warnings.push({ type: "unsupported", feature: "tools" });
  if (options.responseFormat?.type === "json") warnings.push({ type: "unsupported", feature: "responseFormat" });
  return warnings;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

const STOP = { unified: "stop", raw: "stop" } as const;

/**
 * How the offline model says what kind of answer it gave and what it drew on (lib/chat/answer.ts
 * records both on the turn): provider metadata, which the AI SDK passes through to the stream's
 * finish part. The sources travel as JSON values, which provider metadata must be.
 */
function outcomeMetadata({ outcome, sources, offerContact }: OfflineReply) {
  return {
    [OUTCOME_METADATA_KEY]: {
      outcome,
      sources: sources.map((source) => ({ ...source })),
      ...(offerContact && { offer_contact: true }),
    },
  };
}

/** The same reply for a generated and a streamed call. */
async function replyTo(callOptions: LanguageModelV4CallOptions): Promise<OfflineReply> {
  const handed = readOfflineModelOptions(callOptions.providerOptions);
  const { profile, voice, knowledge } = handed?.grounding ?? NO_GROUNDING;
  const turn = readTurnFrom(callOptions.prompt);
  const lexicon = await readTurn(profile, turn, knowledge);
  const takesDetails = handed?.takes_details ?? false;
  return composeOfflineReply(profile, { ...turn, takesDetails }, lexicon, knowledge, voice);
}

/**
 * A local stand-in for an LLM: answers visitors from the grounding it is handed beside the
 * prompt (grounding.ts), the same profile and knowledge a real model reads in its instructions,
 * so Chatfolio works (and is testable) without an API key. Same input, same answer.
 */
export function createOfflineModel(options: OfflineModelOptions = {}): LanguageModelV4 {
  const chunkDelayMs = options.chunkDelayMs ?? 0;

  return {
    specificationVersion: "v4",
    provider: OFFLINE_PROVIDER,
    modelId: "offline",
    supportedUrls: {},

    async doGenerate(callOptions) {
      callOptions.abortSignal?.throwIfAborted();
      const reply = await replyTo(callOptions);
      const answer = reply.text;
      return {
        content: [{ type: "text", text: answer }],
        finishReason: STOP,
        providerMetadata: outcomeMetadata(reply),
        usage: usageFor(callOptions.prompt, answer),
        warnings: warningsFor(callOptions),
      };
    },

    async doStream(callOptions) {
      const signal = callOptions.abortSignal;
      signal?.throwIfAborted();
      const reply = await replyTo(callOptions);
      const answer = reply.text;
      const chunks = chunkAnswer(answer);

      const parts: LanguageModelV4StreamPart[] = [
        { type: "stream-start", warnings: warningsFor(callOptions) },
        { type: "text-start", id: TEXT_ID },
        ...chunks.map((delta): LanguageModelV4StreamPart => ({ type: "text-delta", id: TEXT_ID, delta })),
        { type: "text-end", id: TEXT_ID },
        {
          type: "finish",
          finishReason: STOP,
          usage: usageFor(callOptions.prompt, answer),
          providerMetadata: outcomeMetadata(reply),
        },
      ];
      let next = 0;
      let stopListening = () => {};

      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          if (!signal) return;
          const onAbort = () => controller.error(abortReason(signal));
          signal.addEventListener("abort", onAbort, { once: true });
          stopListening = () => signal.removeEventListener("abort", onAbort);
        },
        // Pull-driven, one part per read, so a slow reader or an abort stops generation midway.
        async pull(controller) {
          const part = parts[next];
          if (part?.type === "text-delta") await pause(chunkDelayMs);
          if (signal?.aborted) return;
          next += 1;
          if (part) controller.enqueue(part);
          if (next >= parts.length) {
            stopListening();
            controller.close();
          }
        },
        cancel() {
          stopListening();
        },
      });
      return { stream };
    },
  };
}
