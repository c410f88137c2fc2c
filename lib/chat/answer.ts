import "server-only";
import type { SharedV4ProviderMetadata } from "@ai-sdk/provider";
import { generateText, type ModelMessage, streamText, type TextStreamPart, type ToolSet } from "ai";
import { buildInstructions } from "@/lib/ai/instructions";
import { getLanguageModel } from "@/lib/ai/models";
import { resolveConfiguration } from "@/lib/chatbots/configuration";
import {
  ANSWER_OUTCOMES,
  type AnswerOutcome,
  EMPTY_PROFILE,
  type MessageStatus,
  OUTCOME_METADATA_KEY,
} from "@/lib/constants";
import { asServiceStatement } from "@/lib/db";
import { finishTurn } from "@/lib/db/queries/turns";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import type { StartedTurn } from "./start-turn";

type Part = TextStreamPart<ToolSet>;
/** How a started turn ends: pending and rate_limited are never an ending. */
type Ending = Exclude<MessageStatus, "pending" | "rate_limited">;

/**
 * How long the model may keep a turn waiting: CHAT_MODEL_TIMEOUT_SECONDS for its first text and
 * between chunks (generous for a slow local model, finite so a hung provider cannot hold a request
 * for ever), and four times that, at least two minutes, for the whole answer.
 */
function modelTimeout(): { totalMs: number; firstChunkMs: number; chunkMs: number } {
  const waitMs = getEnv().CHAT_MODEL_TIMEOUT_SECONDS * 1000;
  return { totalMs: Math.max(120_000, 4 * waitMs), firstChunkMs: waitMs, chunkMs: waitMs };
}

export interface Answer {
  /** The model's parts as they come; ends after the turn is recorded. */
  stream: ReadableStream<Part>;
}

/** Visitor text goes only into the message list, never into the instructions. */
function conversation(turn: StartedTurn, message: string): ModelMessage[] {
  return [
    ...turn.history.flatMap(({ message: asked, response }): ModelMessage[] => [
      { role: "user", content: asked },
      { role: "assistant", content: response },
    ]),
    { role: "user", content: message },
  ];
}

/** The answer's outcome as a model reported it (the offline model does; real models don't yet). */
function outcomeOf(metadata: SharedV4ProviderMetadata | undefined): AnswerOutcome | null {
  const reported = metadata?.[OUTCOME_METADATA_KEY]?.outcome;
  return ANSWER_OUTCOMES.find((known) => known === reported) ?? null;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

interface TurnRecorder {
  /** The model's settings for this turn, the same for both ways of answering. */
  settings: Parameters<typeof generateText>[0] & Parameters<typeof streamText>[0];
  generation: AbortController;
  /** What the turn's row will say, filled in as the answer comes. */
  state: { text: string; usage: { inputTokens?: number; outputTokens?: number }; outcome: AnswerOutcome | null };
  /** Finishes the turn's row, once whatever calls it. */
  end(status: Ending, error?: string): Promise<void>;
}

/**
 * What both ways of answering share: the model and its grounded instructions, cancellation when
 * the client goes away, and the turn's row finished exactly once (answered, failed with the error
 * kept server-side, or aborted with what was generated).
 */
function prepareTurn(turn: StartedTurn, message: string, clientSignal: AbortSignal, totalMs: number): TurnRecorder {
  const configuration = resolveConfiguration(turn.chatbot.configuration);
  const { model, label } = getLanguageModel(configuration.model);
  const generation = new AbortController();
  const stopGeneration = () => generation.abort();
  clientSignal.addEventListener("abort", stopGeneration, { once: true });
  const startedAt = performance.now();
  const state: TurnRecorder["state"] = { text: "", usage: {}, outcome: null };
  // Our own timer for the whole answer, not the SDK's totalMs: that one is an AbortSignal.timeout,
  // which nothing can cancel, so every turn's signals and what they hold stayed alive for the full
  // two minutes after the answer (the server grew by ~400 MB over 20,000 turns). This one is
  // cleared when the turn ends.
  const totalTimer = setTimeout(
    () => generation.abort(new DOMException(`The model did not finish within ${totalMs} ms.`, "TimeoutError")),
    totalMs,
  );

  let ended: Promise<void> | undefined;
  const end = (status: Ending, error?: string): Promise<void> => {
    clearTimeout(totalTimer);
    clientSignal.removeEventListener("abort", stopGeneration);
    // The server's own role: finish_turn rewrites a visitor's row, so no API role may call it.
    ended ??= asServiceStatement((db) =>
      finishTurn(db, {
        messageId: turn.messageId,
        status,
        response: state.text === "" && status !== "answered" ? null : state.text,
        error: error ?? null,
        model: label,
        latencyMs: Math.round(performance.now() - startedAt),
        inputTokens: state.usage.inputTokens ?? null,
        outputTokens: state.usage.outputTokens ?? null,
        outcome: state.outcome,
      }),
    ).then(
      () => undefined,
      (failure: unknown) => console.error("[chat] could not record the end of a turn:", failure),
    );
    return ended;
  };

  const settings = {
    model,
    instructions: buildInstructions(turn.profile ?? EMPTY_PROFILE, configuration, turn.knowledge),
    messages: conversation(turn, message),
    temperature: configuration.temperature,
    abortSignal: generation.signal,
    maxRetries: 1,
  };
  return { settings, generation, state, end };
}

/**
 * The answer for the JSON API, in one piece: no stream is built, since nobody reads one (the
 * offline model answers through doGenerate, a real model through a plain completion). A model
 * that fails or gives no answer within 2 × CHAT_MODEL_TIMEOUT_SECONDS is a 502, the turn failed.
 */
export async function answerInFull(turn: StartedTurn, message: string, clientSignal: AbortSignal): Promise<string> {
  const { settings, state, end } = prepareTurn(turn, message, clientSignal, 2 * modelTimeout().firstChunkMs);
  try {
    const result = await generateText(settings);
    state.text = result.text;
    state.usage = { inputTokens: result.totalUsage.inputTokens, outputTokens: result.totalUsage.outputTokens };
    state.outcome = outcomeOf(result.providerMetadata);
  } catch (error) {
    console.error(`[chat] model error on message ${turn.messageId}: ${describeError(error)}`);
    await end(clientSignal.aborted ? "aborted" : "failed", describeError(error));
    throw new ApiError("model_error", undefined, { cause: error });
  }
  await end("answered");
  return state.text;
}

/**
 * Starts the model on a turn and waits for its first text (or failure) before returning, so a
 * model that fails outright becomes a 502 rather than a stream that dies at once.
 */
export async function startAnswer(turn: StartedTurn, message: string, clientSignal: AbortSignal): Promise<Answer> {
  const timeout = modelTimeout();
  const { settings, generation, state, end } = prepareTurn(turn, message, clientSignal, timeout.totalMs);
  const result = streamText({
    ...settings,
    timeout: { firstChunkMs: timeout.firstChunkMs, chunkMs: timeout.chunkMs },
    // The error is recorded on the turn's row; one line in the log is enough.
    onError: ({ error }) => console.error(`[chat] model error on message ${turn.messageId}: ${describeError(error)}`),
  });
  const parts = result.stream[Symbol.asyncIterator]();

  /** Notes what a part means for the turn's row; returns the ending it implies, if any. */
  const observe = (part: Part): { status: Ending; error?: string } | undefined => {
    if (part.type === "text-delta") state.text += part.text;
    if (part.type === "finish-step") state.outcome = outcomeOf(part.providerMetadata) ?? state.outcome;
    if (part.type === "finish") {
      state.usage = { inputTokens: part.totalUsage.inputTokens, outputTokens: part.totalUsage.outputTokens };
      return { status: "answered" };
    }
    if (part.type === "error") return { status: "failed", error: describeError(part.error) };
    if (part.type === "abort") return { status: "aborted" };
    return undefined;
  };

  const head: Part[] = [];
  let headEnding: ReturnType<typeof observe>;
  // The SDK's first-chunk timeout starts once the provider has answered with headers; a provider
  // that never answers at all is stopped by this one.
  let timedOut = false;
  const headTimer = setTimeout(() => {
    timedOut = true;
    generation.abort();
  }, timeout.firstChunkMs);
  try {
    for (;;) {
      const next = await parts.next();
      if (next.done) break;
      head.push(next.value);
      headEnding = observe(next.value);
      if (headEnding || next.value.type === "text-delta") break;
    }
  } catch (error) {
    headEnding = { status: "failed", error: describeError(error) };
  } finally {
    clearTimeout(headTimer);
  }
  if (timedOut && state.text === "") {
    headEnding = { status: "failed", error: `TimeoutError: no text from the model within ${timeout.firstChunkMs} ms` };
  }
  if (headEnding?.status === "failed" && state.text === "") {
    await end("failed", headEnding.error);
    throw new ApiError("model_error", undefined, { cause: headEnding.error });
  }
  if (headEnding) await end(headEnding.status, headEnding.error);

  const stream = new ReadableStream<Part>({
    start(controller) {
      for (const part of head) controller.enqueue(part);
    },
    async pull(controller) {
      try {
        const next = await parts.next();
        if (next.done) {
          await end(clientSignal.aborted ? "aborted" : "answered");
          controller.close();
          return;
        }
        const ending = observe(next.value);
        if (ending) await end(ending.status, ending.error);
        controller.enqueue(next.value);
      } catch (error) {
        // A provider that breaks off mid-answer: the client gets an error part (coded, like any
        // other model failure) and a clean end of the stream, not a connection cut in half.
        await end("failed", describeError(error));
        controller.enqueue({ type: "error", error });
        controller.close();
      }
    },
    async cancel() {
      // The client went away mid-answer: stop the model and keep what it had written.
      generation.abort();
      await end("aborted");
      await parts.return?.();
    },
  });
  return { stream };
}
