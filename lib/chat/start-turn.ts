import "server-only";
import type { OwnerProfile } from "@/lib/ai/instructions";
import type { Caller } from "@/lib/auth";
import { CONFIGURATION_DEFAULTS } from "@/lib/chatbots/configuration";
import { asOwner, asVisitor } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
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
}

export interface StartedTurn {
  messageId: string;
  conversationId: string;
  rateLimit: { limit: number; remaining: number };
  chatbot: { id: string; user_id: string; name: string; configuration: unknown };
  profile: OwnerProfile | null;
  history: Array<{ message: string; response: string }>;
}

type StartTurnResult =
  | ({ outcome: "started" } & {
      message_id: string;
      conversation_id: string;
      remaining: number;
      limit_value: number;
      chatbot: StartedTurn["chatbot"];
      profile: OwnerProfile | null;
      history: StartedTurn["history"];
    })
  | { outcome: "not_found" }
  | {
      outcome: "rate_limited";
      limit: "visitor" | "ip" | "owner_quota";
      limit_value: number;
      retry_after: number;
      message_id: string;
      conversation_id: string;
    };

const RATE_LIMIT_MESSAGES = {
  visitor: "You're sending messages faster than this chatbot allows. Please wait a moment and try again.",
  ip: "Too many messages are coming from your network right now. Please wait a moment and try again.",
  owner_quota: "This chatbot is not available right now. Please try again later.",
} as const;

/**
 * The one database round trip before the model runs: limits, visitor, the visitor's message
 * stored as pending (or rate_limited), and the context the model needs. A signed-in caller runs
 * as themselves, so their own private bots answer them; everyone else runs as anon.
 */
export async function startTurn(input: TurnInput): Promise<StartedTurn> {
  const env = getEnv();
  const params = [
    input.chatbotId ?? null,
    input.chatbotSlug ?? null,
    input.visitorId,
    input.visitorName || null,
    input.conversationId ?? null,
    input.message,
    input.clientIp,
    CONFIGURATION_DEFAULTS.rate_limit.max_messages,
    CONFIGURATION_DEFAULTS.rate_limit.window_seconds,
    env.OWNER_MONTHLY_MESSAGES,
    HISTORY_TURNS,
  ];
  const sql = "select private.start_turn($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) as result";
  const run = input.caller
    ? asOwner(input.caller.claims, (tx) => tx.query<{ result: StartTurnResult }>(sql, params))
    : asVisitor((tx) => tx.query<{ result: StartTurnResult }>(sql, params));
  const [{ result }] = await run;

  if (result.outcome === "not_found") throw new ApiError("not_found", "Chatbot not found.");
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
    chatbot: result.chatbot,
    profile: result.profile,
    history: result.history,
  };
}
