import "server-only";
import { type ModelMessage, streamText, type TextStreamPart, type ToolSet } from "ai";
import { buildInstructions } from "@/lib/ai/instructions";
import { getLanguageModel } from "@/lib/ai/models";
import { resolveConfiguration } from "@/lib/chatbots/configuration";
import { EMPTY_PROFILE, type MessageStatus } from "@/lib/constants";
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

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Starts the model on a turn and waits for its first text (or failure) before returning, so a
 * model that fails outright becomes a 502 rather than a stream that dies at once. The turn's row
 * is finished exactly once: answered, failed (the error kept server-side), or aborted with what
 * was generated when the client went away.
 */
export async function startAnswer(turn: StartedTurn, message: string, clientSignal: AbortSignal): Promise<Answer> {
  const configuration = resolveConfiguration(turn.chatbot.configuration);
  const { model, label } = getLanguageModel(configuration.model);
  const generation = new AbortController();
  const stopGeneration = () => generation.abort();
  clientSignal.addEventListener("abort", stopGeneration, { once: true });
  const startedAt = performance.now();

  let text = "";
  let usage: { inputTokens?: number; outputTokens?: number } = {};
  let ended: Promise<void> | undefined;
  const end = (status: Ending, error?: string): Promise<void> => {
    clientSignal.removeEventListener("abort", stopGeneration);
    // The server's own role: finish_turn rewrites a visitor's row, so no API role may call it.
    ended ??= asServiceStatement((db) =>
      finishTurn(db, {
        messageId: turn.messageId,
        status,
        response: text === "" && status !== "answered" ? null : text,
        error: error ?? null,
        model: label,
        latencyMs: Math.round(performance.now() - startedAt),
        inputTokens: usage.inputTokens ?? null,
        outputTokens: usage.outputTokens ?? null,
      }),
    ).then(
      () => undefined,
      (failure: unknown) => console.error("[chat] could not record the end of a turn:", failure),
    );
    return ended;
  };

  const timeout = modelTimeout();
  const result = streamText({
    model,
    instructions: buildInstructions(turn.profile ?? EMPTY_PROFILE, configuration, turn.knowledge),
    messages: conversation(turn, message),
    temperature: configuration.temperature,
    abortSignal: generation.signal,
    timeout,
    maxRetries: 1,
    // The error is recorded on the turn's row; one line in the log is enough.
    onError: ({ error }) => console.error(`[chat] model error on message ${turn.messageId}: ${describeError(error)}`),
  });
  const parts = result.stream[Symbol.asyncIterator]();

  /** Notes what a part means for the turn's row; returns the ending it implies, if any. */
  const observe = (part: Part): { status: Ending; error?: string } | undefined => {
    if (part.type === "text-delta") text += part.text;
    if (part.type === "finish") {
      usage = { inputTokens: part.totalUsage.inputTokens, outputTokens: part.totalUsage.outputTokens };
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
  if (timedOut && text === "") {
    headEnding = { status: "failed", error: `TimeoutError: no text from the model within ${timeout.firstChunkMs} ms` };
  }
  if (headEnding?.status === "failed" && text === "") {
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

/** Drains an answer for the JSON API: its full text, or a 502 if the model failed on the way. */
export async function collectAnswer(answer: Answer): Promise<string> {
  const reader = answer.stream.getReader();
  let text = "";
  for (;;) {
    const { done, value: part } = await reader.read();
    if (done) return text;
    if (part.type === "text-delta") text += part.text;
    if (part.type === "error") {
      await reader.cancel();
      throw new ApiError("model_error", undefined, { cause: part.error });
    }
  }
}
