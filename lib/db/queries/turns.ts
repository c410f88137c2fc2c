import "server-only";
import type { OwnerProfile } from "@/lib/ai/instructions";
import type { KnowledgeEntry } from "@/lib/ai/knowledge-block";
import type { AnswerOutcome, AnswerSource } from "@/lib/constants";
import type { Queryable } from "@/lib/db";

export interface StartTurnParams {
  /** The signed-in caller the server verified (their private bots, their previews); null for a visitor. */
  callerId: string | null;
  chatbotId: string | null;
  chatbotSlug: string | null;
  visitorId: string;
  visitorName: string | null;
  conversationId: string | null;
  message: string;
  /** The message as the blocked-word check reads it (lib/chat/blocked-word-folding.ts); never stored. */
  matchText: string;
  clientIp: string | null;
  /** What the per-IP limit counts: the address, or an IPv6 client's /64. */
  clientNetwork: string | null;
  defaultMaxMessages: number;
  defaultWindowSeconds: number;
  ownerMonthlyMessages: number;
  historyTurns: number;
  /** The owner trying their own bot from the dashboard: no visitor, no visitor or IP limit. */
  preview: boolean;
  /** Words of the same meaning as the message's, by its word (lib/language), for retrieving knowledge. */
  searchWords: Record<string, string[]>;
}

/** Knowledge chunks a turn's model is given: enough to answer, few enough to stay in a small prompt. */
const KNOWLEDGE_PER_TURN = 5;

/** What private.start_turn answers, with the knowledge retrieved beside it. */
export type StartTurnResult =
  | {
      outcome: "started";
      message_id: string;
      conversation_id: string;
      remaining: number;
      limit_value: number;
      chatbot: { id: string; user_id: string; name: string; configuration: unknown };
      profile: OwnerProfile | null;
      history: Array<{ message: string; response: string }>;
      /** The owner's knowledge that best matches the message (private.retrieve_knowledge). */
      knowledge: KnowledgeEntry[];
    }
  | { outcome: "not_found" }
  /** The owner blocked this visitor or network, or the message holds one of the bot's blocked words. */
  | { outcome: "refused"; reason: "blocked" | "blocked_word" }
  | {
      outcome: "rate_limited";
      limit: "visitor" | "ip" | "bot_daily" | "owner_quota";
      limit_value: number;
      retry_after: number;
    };

/**
 * As the server's own role only (asServiceStatement): starts a turn in one statement through
 * private.start_turn (limits, the visitor row, the message stored as pending, and the context the
 * model needs). The limits are the server's; no API role may call it.
 */
export async function startTurn(tx: Queryable, params: StartTurnParams): Promise<StartTurnResult> {
  // The knowledge is retrieved in the same statement, so the turn costs no extra round trip.
  const [{ result, knowledge }] = await tx.query<{ result: StartTurnResult; knowledge: KnowledgeEntry[] }>(
    `select private.start_turn($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) as result,
            private.retrieve_knowledge($2, $3, $7, ${KNOWLEDGE_PER_TURN}, $16::jsonb) as knowledge`,
    [
      params.callerId,
      params.chatbotId,
      params.chatbotSlug,
      params.visitorId,
      params.visitorName,
      params.conversationId,
      params.message,
      params.clientIp,
      params.clientNetwork,
      params.defaultMaxMessages,
      params.defaultWindowSeconds,
      params.ownerMonthlyMessages,
      params.historyTurns,
      params.preview,
      params.matchText,
      JSON.stringify(params.searchWords),
    ],
  );
  return result.outcome === "started" ? { ...result, knowledge } : result;
}

export interface FinishTurnParams {
  messageId: string;
  status: "answered" | "failed" | "aborted";
  /** What the model wrote (null when it wrote nothing before failing). */
  response: string | null;
  /** Why the turn failed; kept for operators, never shown to visitors. */
  error: string | null;
  model: string;
  latencyMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  /** What kind of answer it was, when the model said; recorded for answered turns only. */
  outcome: AnswerOutcome | null;
  /** What the answer drew on; recorded for answered turns only. */
  sources: AnswerSource[] | null;
  /** The answer offered the visitor the contact form; recorded for answered turns only. */
  contactOffered: boolean;
}

/** As the server's own role only (asServiceStatement): records how a turn ended, through private.finish_turn. */
export async function finishTurn(tx: Queryable, params: FinishTurnParams): Promise<void> {
  await tx.query("select private.finish_turn($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", [
    params.messageId,
    params.status,
    params.response,
    params.error,
    params.model,
    params.latencyMs,
    params.inputTokens,
    params.outputTokens,
    params.outcome,
    params.sources === null ? null : JSON.stringify(params.sources),
    params.contactOffered,
  ]);
}
