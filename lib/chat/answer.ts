import "server-only";
import { generateText, streamText, type TextStreamPart, type ToolSet } from "ai";
import type { AnswerSource } from "@/lib/constants";
import { ApiError } from "@/lib/errors";
import { forVisitor, OFFER_CONTACT_FORM, reportedOutcome, reportOf } from "./model-tools";
import type { StartedTurn } from "./start-turn";
import { describeError, type Ending, modelTimeout, prepareTurn } from "./turn-recorder";

// How a chat turn's answer reaches the visitor: in one piece for the JSON API, or as a stream
// whose first chunk, gaps and total are bounded in time; the row is finished by the turn recorder.

type Part = TextStreamPart<ToolSet>;

export interface Answer {
  /** The model's parts as they come, less its outcome report; ends after the turn is recorded. */
  stream: ReadableStream<Part>;
  /** What the answer drew on, as recorded: complete once the stream's finish part has been read. */
  sources(): AnswerSource[];
  /** Whether the chat offers the contact form under this answer: known once the finish part has been read. */
  contactOffered(): boolean;
}

/** A JSON answer: the text, and what it drew on. */
export interface FullAnswer {
  text: string;
  sources: AnswerSource[];
  contactOffered: boolean;
}

/**
 * The answer for the JSON API, in one piece: no stream is built, since nobody reads one (the
 * offline model answers through doGenerate, a real model through a plain completion). A model
 * that fails or gives no answer within 2 × CHAT_MODEL_TIMEOUT_SECONDS is a 502, the turn failed.
 */
export async function answerInFull(turn: StartedTurn, message: string, clientSignal: AbortSignal): Promise<FullAnswer> {
  const { settings, state, sources, contactOffered, end } = prepareTurn(
    turn,
    message,
    clientSignal,
    2 * modelTimeout().firstChunkMs,
  );
  try {
    const result = await generateText(settings);
    // Every step's text: a model that reported first wrote its answer in the second step.
    state.text = result.steps.map((step) => step.text).join("");
    state.usage = { inputTokens: result.totalUsage.inputTokens, outputTokens: result.totalUsage.outputTokens };
    const report = reportOf(result.providerMetadata);
    const toolCalls = result.steps.flatMap((step) => step.toolCalls);
    state.outcome =
      report.outcome ?? toolCalls.map((call) => reportedOutcome(call.toolName, call.input)).find(Boolean) ?? null;
    state.sources = report.sources;
    state.contactRequested = report.offerContact || toolCalls.some((call) => call.toolName === OFFER_CONTACT_FORM);
  } catch (error) {
    console.error(`[chat] model error on message ${turn.messageId}: ${describeError(error)}`);
    await end(clientSignal.aborted ? "aborted" : "failed", describeError(error));
    throw new ApiError("model_error", undefined, { cause: error });
  }
  await end("answered");
  return { text: state.text, sources: sources(), contactOffered: contactOffered() };
}

/**
 * Starts the model on a turn and waits for its first text (or failure) before returning, so a
 * model that fails outright becomes a 502 rather than a stream that dies at once.
 */
export async function startAnswer(turn: StartedTurn, message: string, clientSignal: AbortSignal): Promise<Answer> {
  const timeout = modelTimeout();
  const { settings, generation, state, sources, contactOffered, end } = prepareTurn(
    turn,
    message,
    clientSignal,
    timeout.totalMs,
  );
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
    // The first valid report counts, as in answerInFull.
    if (part.type === "tool-call") {
      state.outcome ??= reportedOutcome(part.toolName, part.input);
      if (part.toolName === OFFER_CONTACT_FORM) state.contactRequested = true;
    }
    if (part.type === "finish-step") {
      const report = reportOf(part.providerMetadata);
      state.outcome = report.outcome ?? state.outcome;
      state.sources = report.sources ?? state.sources;
      state.contactRequested ||= report.offerContact;
    }
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
      if (forVisitor(next.value)) head.push(next.value);
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
        // Read on past the parts the visitor never sees: a pull that enqueues nothing is not
        // called again, so a tool call written after the text stalled the stream for good.
        for (;;) {
          const next = await parts.next();
          if (next.done) {
            await end(clientSignal.aborted ? "aborted" : "answered");
            controller.close();
            return;
          }
          const ending = observe(next.value);
          if (ending) await end(ending.status, ending.error);
          if (forVisitor(next.value)) {
            controller.enqueue(next.value);
            return;
          }
        }
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
  return { stream, sources, contactOffered };
}
