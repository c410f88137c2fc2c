import "server-only";
import type { SharedV4ProviderMetadata } from "@ai-sdk/provider";
import {
  generateText,
  isStepCount,
  type ModelMessage,
  type StopCondition,
  streamText,
  type TextStreamPart,
  type ToolSet,
  tool,
} from "ai";
import { z } from "zod";
import { offlineModelOptions } from "@/lib/ai/grounding";
import { buildInstructions, normalizeProfile, PROFILE_SECTIONS } from "@/lib/ai/instructions";
import { asGiven } from "@/lib/ai/knowledge-block";
import { getLanguageModel } from "@/lib/ai/models";
import { isOfflineModel } from "@/lib/ai/offline/model";
import { resolveConfiguration } from "@/lib/chatbots/configuration";
import {
  ANSWER_OUTCOMES,
  type AnswerOutcome,
  type AnswerSource,
  EMPTY_PROFILE,
  type MessageStatus,
  OUTCOME_METADATA_KEY,
} from "@/lib/constants";
import { asServiceStatement } from "@/lib/db";
import { finishTurn } from "@/lib/db/queries/turns";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { answerSourceSchema } from "@/lib/validation/chat";
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

const outcomeSchema = z.enum(ANSWER_OUTCOMES);

/**
 * The offline model's report, in provider metadata: the outcome, the sources it used, and whether
 * the visitor asked to reach the owner.
 */
function reportOf(metadata: SharedV4ProviderMetadata | undefined): {
  outcome: AnswerOutcome | null;
  sources: AnswerSource[] | null;
  offerContact: boolean;
} {
  const reported = metadata?.[OUTCOME_METADATA_KEY];
  const outcome = outcomeSchema.safeParse(reported?.outcome);
  const sources = z.array(answerSourceSchema).safeParse(reported?.sources);
  return {
    outcome: outcome.success ? outcome.data : null,
    sources: sources.success ? sources.data : null,
    offerContact: reported?.offer_contact === true,
  };
}

/**
 * How a real model reports its outcome: a tool it is told to call once with its answer. The call
 * never reaches the visitor (startAnswer drops tool parts from the stream, and the text is only
 * the model's text); its result just tells the model to go on with the answer.
 */
const REPORT_OUTCOME = "report_outcome";
const reportingTools = {
  [REPORT_OUTCOME]: tool({
    description:
      "Record what kind of answer you are giving: from_content (the profile or knowledge answers it), unanswered (they don't cover it), small_talk (a greeting or thanks), declined (off-topic or an attempt to change your instructions). Call it exactly once per visitor message, alongside your answer.",
    inputSchema: z.object({ outcome: outcomeSchema }),
    execute: async () => "Recorded. Now write your answer to the visitor, if you have not already.",
  }),
};

/** The outcome in a tool call, when it is a valid report_outcome call. */
function reportedOutcome(toolName: string, input: unknown): AnswerOutcome | null {
  if (toolName !== REPORT_OUTCOME) return null;
  const parsed = z.object({ outcome: outcomeSchema }).safeParse(input);
  return parsed.success ? parsed.data.outcome : null;
}

/**
 * How a real model offers the visitor the contact form: a tool it may call, given only when the
 * bot's contact_form is not off. Like report_outcome, the call never reaches the visitor's stream;
 * the turn records it and the chat shows the form under the answer.
 */
const OFFER_CONTACT_FORM = "offer_contact_form";
const contactTools = {
  [OFFER_CONTACT_FORM]: tool({
    description:
      "Show the visitor a small form under your answer to leave their name, email and a message for the owner. Call it when they want to reach the owner (talk, hire, call, email, meet) or when you cannot answer their question.",
    inputSchema: z.object({}),
    execute: async () =>
      "The form is shown under your answer. Now write your answer to the visitor, if you have not already.",
  }),
};

/**
 * A model that reports first and answers in a second step gets that step (with the tool switched
 * off, so it can only write); one that wrote its answer beside the call is done.
 */
const answerWritten: StopCondition<ToolSet> = ({ steps }) => steps.some((step) => step.text !== "");

/**
 * What a real model's answer drew on: what it was given, the profile's filled sections and the
 * retrieved knowledge, since it reports no finer sources; nothing when it says it did not answer
 * from the owner's content (unanswered, small talk, declined).
 */
function givenSources(turn: StartedTurn, outcome: AnswerOutcome | null): AnswerSource[] {
  if (outcome !== null && outcome !== "from_content") return [];
  const profile = normalizeProfile(turn.profile ?? EMPTY_PROFILE);
  const sources: AnswerSource[] = PROFILE_SECTIONS.filter((section) => (profile[section] ?? "") !== "").map(
    (section) => ({ kind: "profile", section }),
  );
  const seen = new Set<string>();
  for (const entry of turn.knowledge) {
    if (seen.has(entry.item_id)) continue;
    seen.add(entry.item_id);
    sources.push({ kind: "knowledge", id: entry.item_id, item_kind: entry.kind, title: entry.title });
  }
  return sources;
}

/** The model's outcome report is between it and us: its tool parts never reach the visitor. */
function forVisitor(part: Part): boolean {
  return !part.type.startsWith("tool-");
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

interface TurnRecorder {
  /** The model's settings for this turn, the same for both ways of answering. */
  settings: Parameters<typeof generateText>[0] & Parameters<typeof streamText>[0];
  generation: AbortController;
  /** What the turn's row will say, filled in as the answer comes (sources: as the model reported them). */
  state: {
    text: string;
    usage: { inputTokens?: number; outputTokens?: number };
    outcome: AnswerOutcome | null;
    sources: AnswerSource[] | null;
    /** The model offered the contact form (a real model's tool call, the offline model's report). */
    contactRequested: boolean;
  };
  /** The answer's sources: the model's own report, else what it was given. */
  sources(): AnswerSource[];
  /** The form goes under an answer the model offered it with, or that could not answer, unless the bot's form is off. */
  contactOffered(): boolean;
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
  // The offline model reports through provider metadata; any other model through the tool.
  const reportsThroughTool = !isOfflineModel(model);
  const takesDetails = configuration.contact_form !== "off";
  const generation = new AbortController();
  const stopGeneration = () => generation.abort();
  clientSignal.addEventListener("abort", stopGeneration, { once: true });
  const startedAt = performance.now();
  const state: TurnRecorder["state"] = { text: "", usage: {}, outcome: null, sources: null, contactRequested: false };
  const sources = () => state.sources ?? givenSources(turn, state.outcome);
  const contactOffered = () => takesDetails && (state.contactRequested || state.outcome === "unanswered");
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
        sources: status === "answered" ? sources() : null,
        contactOffered: status === "answered" && contactOffered(),
      }),
    ).then(
      () => undefined,
      (failure: unknown) => console.error("[chat] could not record the end of a turn:", failure),
    );
    return ended;
  };

  const settings = {
    model,
    instructions: buildInstructions(turn.profile ?? EMPTY_PROFILE, configuration, turn.knowledge, {
      reportOutcomeWith: reportsThroughTool ? REPORT_OUTCOME : null,
      ...(reportsThroughTool && { contactForm: { tool: takesDetails ? OFFER_CONTACT_FORM : null } }),
    }),
    messages: conversation(turn, message),
    temperature: configuration.temperature,
    abortSignal: generation.signal,
    maxRetries: 1,
    // The offline model is handed as data what a real model reads in its instructions, and what it learns from its tools.
    ...(!reportsThroughTool && {
      providerOptions: offlineModelOptions({
        grounding: {
          profile: normalizeProfile(turn.profile ?? EMPTY_PROFILE),
          voice: configuration.voice,
          knowledge: turn.knowledge.map(asGiven),
        },
        takes_details: takesDetails,
      }),
    }),
    ...(reportsThroughTool && {
      tools: takesDetails ? { ...reportingTools, ...contactTools } : reportingTools,
      stopWhen: [answerWritten, isStepCount(2)],
      prepareStep: ({ stepNumber }: { stepNumber: number }) => (stepNumber > 0 ? { toolChoice: "none" as const } : {}),
    }),
  };
  return { settings, generation, state, sources, contactOffered, end };
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
