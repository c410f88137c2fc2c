import "server-only";
import type { Caller } from "@/lib/auth";
import { foldForWordMatch } from "@/lib/chat/blocked-word-folding";
import type { ConfigurationInput } from "@/lib/chatbots/configuration";
import { CONFIGURATION_DEFAULTS } from "@/lib/chatbots/configuration";
import { asServiceStatement } from "@/lib/db";
import { type StartTurnParams, type StartTurnResult, startTurn as startTurnQuery } from "@/lib/db/queries/turns";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { clientNetwork } from "@/lib/http/request-facts";
import { english } from "@/lib/language/english";
import { HISTORY_TURNS } from "@/lib/limits";

export interface TurnInput {
  message: string;
  visitorId: string;
  visitorName?: string | null;
  chatbotId?: string;
  chatbotSlug?: string;
  conversationId?: string | null;
  clientIp: string | null;
  caller: Caller | null;
  /** The owner's unsaved settings, for a preview turn from the dashboard. */
  preview?: ConfigurationInput;
}

type Started = Extract<StartTurnResult, { outcome: "started" }>;

export interface StartedTurn {
  messageId: string;
  conversationId: string;
  rateLimit: { limit: number; remaining: number };
  chatbot: Started["chatbot"];
  profile: Started["profile"];
  history: Started["history"];
  knowledge: Started["knowledge"];
}

const RATE_LIMIT_MESSAGES = {
  visitor: "You're sending messages faster than this chatbot allows. Please wait a moment and try again.",
  ip: "Too many messages are coming from your network right now. Please wait a moment and try again.",
  bot_daily: "This chatbot has answered all it can for today. Please try again tomorrow.",
  owner_quota: "This chatbot is not available right now. Please try again later.",
} as const;

// Polite, and the same whoever asks: a blocked visitor isn't told what the owner decided.
const REFUSAL_MESSAGES = {
  blocked: "This chatbot isn't taking messages from you right now.",
  blocked_word: "This chatbot can't respond to that message. Please rephrase it.",
} as const;

/**
 * The one database round trip before the model runs: limits, visitor, the visitor's message
 * stored as pending, and the context the model needs. private.start_turn is the server's own: it
 * gets the deployment's limits from here and the caller's id as verified here (so a signed-in
 * owner's private bots answer them), never from anything a client could call directly.
 */
export async function startTurn(input: TurnInput): Promise<StartedTurn> {
  const params: StartTurnParams = {
    callerId: input.caller?.userId ?? null,
    chatbotId: input.chatbotId ?? null,
    chatbotSlug: input.chatbotSlug ?? null,
    visitorId: input.visitorId,
    visitorName: input.visitorName || null,
    conversationId: input.conversationId ?? null,
    message: input.message,
    // Folded here, with Unicode's tables, so the database refuses a blocked word however disguised.
    matchText: foldForWordMatch(input.message),
    clientIp: input.clientIp,
    clientNetwork: clientNetwork(input.clientIp),
    defaultMaxMessages: CONFIGURATION_DEFAULTS.rate_limit.max_messages,
    defaultWindowSeconds: CONFIGURATION_DEFAULTS.rate_limit.window_seconds,
    ownerMonthlyMessages: getEnv().OWNER_MONTHLY_MESSAGES,
    historyTurns: HISTORY_TURNS,
    preview: input.preview !== undefined,
    // Understood here, so the database retrieves by meaning without a word list of its own.
    searchWords: await english.searchWords(input.message),
  };
  if (params.preview && !input.caller) throw new ApiError("unauthorized", "Only the bot's owner can preview it.");
  const result = await asServiceStatement((db) => startTurnQuery(db, params));

  if (result.outcome === "not_found") throw new ApiError("not_found", "Chatbot not found.");
  if (result.outcome === "refused") throw new ApiError("forbidden", REFUSAL_MESSAGES[result.reason]);
  if (result.outcome === "rate_limited") {
    throw new ApiError("rate_limited", RATE_LIMIT_MESSAGES[result.limit], {
      headers: {
        "Retry-After": String(result.retry_after),
        "X-RateLimit-Limit": String(result.limit_value),
        "X-RateLimit-Remaining": "0",
      },
    });
  }
  return {
    messageId: result.message_id,
    conversationId: result.conversation_id,
    rateLimit: { limit: result.limit_value, remaining: Math.max(0, result.remaining) },
    // A preview answers with the editor's settings over the stored ones, for this turn only.
    chatbot: input.preview
      ? { ...result.chatbot, configuration: { ...storedObject(result.chatbot.configuration), ...input.preview } }
      : result.chatbot,
    profile: result.profile,
    history: result.history,
    knowledge: result.knowledge,
  };
}

function storedObject(stored: unknown): Record<string, unknown> {
  return typeof stored === "object" && stored !== null && !Array.isArray(stored) ? { ...stored } : {};
}
