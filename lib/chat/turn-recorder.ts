import "server-only";
import { type generateText, isStepCount, type ModelMessage, type streamText } from "ai";
import { groundingOf, offlineModelOptions } from "@/lib/ai/grounding";
import { buildInstructions, normalizeProfile, PROFILE_SECTIONS } from "@/lib/ai/instructions";
import { getLanguageModel } from "@/lib/ai/models";
import { isOfflineModel } from "@/lib/ai/offline/model";
import { resolveConfiguration } from "@/lib/chatbots/configuration";
import { type AnswerOutcome, type AnswerSource, EMPTY_PROFILE, type MessageStatus } from "@/lib/constants";
import { asServiceStatement } from "@/lib/db";
import { finishTurn } from "@/lib/db/queries/turns";
import { getEnv } from "@/lib/env";
import { answerWritten, contactTools, OFFER_CONTACT_FORM, REPORT_OUTCOME, reportingTools } from "./model-tools";
import type { StartedTurn } from "./start-turn";

// One turn's model call and its row: the model and its grounded instructions, cancellation, and
// the turn finished exactly once, whichever way the answer is delivered (lib/chat/answer.ts).

/** How a started turn ends: pending and rate_limited are never an ending. */
export type Ending = Exclude<MessageStatus, "pending" | "rate_limited">;

/**
 * How long the model may keep a turn waiting: CHAT_MODEL_TIMEOUT_SECONDS for its first text and
 * between chunks (generous for a slow local model, finite so a hung provider cannot hold a request
 * for ever), and four times that, at least two minutes, for the whole answer.
 */
export function modelTimeout(): { totalMs: number; firstChunkMs: number; chunkMs: number } {
  const waitMs = getEnv().CHAT_MODEL_TIMEOUT_SECONDS * 1000;
  return { totalMs: Math.max(120_000, 4 * waitMs), firstChunkMs: waitMs, chunkMs: waitMs };
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

export function describeError(error: unknown): string {
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
export function prepareTurn(
  turn: StartedTurn,
  message: string,
  clientSignal: AbortSignal,
  totalMs: number,
): TurnRecorder {
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
        grounding: groundingOf(turn.profile ?? EMPTY_PROFILE, configuration.voice, turn.knowledge),
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
