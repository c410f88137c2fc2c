import "server-only";
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { asServiceStatement } from "@/lib/db";
import { contactNotice } from "@/lib/db/queries/contacts";
import { recordWebhookDelivery, webhookFeedback, webhookTarget, webhookTurn } from "@/lib/db/queries/webhooks";
import { getEnv } from "@/lib/env";
import { OutboundFetchError, postOutbound } from "@/lib/http/outbound-fetch";
import type { WebhookEvent } from "./events";
import { WEBHOOK_RESPONSE_EXCERPT_CHARS, WEBHOOK_TIMEOUT_MS, type WebhookTestResult } from "./schemas";

type EventData = Record<string, unknown>;

/**
 * What each event sends, read when it is sent from the ids it was queued with (so a job holds no
 * copy of a visitor's words, and what was deleted meanwhile is not sent: null).
 */
const EVENT_DATA: Partial<Record<WebhookEvent, (ids: EventData) => Promise<EventData | null>>> = {
  "message.created": turnData,
  "question.unanswered": turnData,
  "contact.created": async (ids) => {
    if (typeof ids.contact_id !== "string") return null;
    const contactId = ids.contact_id;
    const contact = await asServiceStatement((db) => contactNotice(db, { contactId }));
    if (!contact) return null;
    const { name, email, message, chatbot_name, conversation_id } = contact;
    return {
      ...ids,
      name,
      email,
      message,
      chatbot_name,
      conversation_id,
      created_at: contact.created_at.toISOString(),
    };
  },
  "feedback.created": async (ids) => {
    if (typeof ids.message_id !== "string") return null;
    const messageId = ids.message_id;
    const feedback = await asServiceStatement((db) => webhookFeedback(db, { messageId }));
    return feedback ? { ...ids, ...feedback } : null;
  },
};

async function turnData(ids: EventData): Promise<EventData | null> {
  if (typeof ids.message_id !== "string") return null;
  const messageId = ids.message_id;
  const turn = await asServiceStatement((db) => webhookTurn(db, { messageId }));
  return turn ? { ...ids, ...turn } : null;
}

/** The data an event's webhook carries, or null when what it is about no longer exists. */
export async function webhookEventData(event: WebhookEvent, ids: EventData): Promise<EventData | null> {
  const load = EVENT_DATA[event];
  return load ? load(ids) : ids;
}

export interface WebhookAttempt {
  endpointId: string;
  /** The webhook-id header: the same on every attempt of one event. */
  webhookId: string;
  /** 1 for the first attempt. */
  attempt: number;
  event: WebhookEvent | "webhook.test";
  /** When the event happened (ISO 8601), the same on every attempt. */
  occurredAt: string;
  data: EventData;
}

const cut = (text: string) =>
  text.length > WEBHOOK_RESPONSE_EXCERPT_CHARS ? `${text.slice(0, WEBHOOK_RESPONSE_EXCERPT_CHARS - 1)}…` : text;

/**
 * POSTs one event to one endpoint, signed as Standard Webhooks says (webhook-id, webhook-timestamp
 * of this attempt, webhook-signature `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with the
 * endpoint's secret), and logs the attempt. Only a 2xx answer is a success; no redirect is
 * followed. Null when the endpoint was deleted (nothing to send).
 */
export async function deliverWebhook(attempt: WebhookAttempt): Promise<WebhookTestResult | null> {
  const target = await asServiceStatement((db) => webhookTarget(db, { endpointId: attempt.endpointId }));
  if (!target) return null;
  const body = JSON.stringify({
    type: attempt.event,
    timestamp: new Date(attempt.occurredAt).toISOString(),
    data: attempt.data,
  });
  const now = new Date();
  let responseCode: number | null = null;
  let error: string | null = null;
  if (!target.url.startsWith("https://") && !getEnv().ALLOW_PRIVATE_NETWORK_FETCH) {
    // Stored while the operator allowed http (local tests), or written past the API.
    error = "Only https:// receivers are delivered to.";
  } else {
    try {
      const answer = await postOutbound(target.url, {
        headers: {
          "content-type": "application/json",
          "user-agent": "Chatfolio-Webhooks",
          "webhook-id": attempt.webhookId,
          "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
          "webhook-signature": new Webhook(target.secret).sign(attempt.webhookId, now, body),
        },
        body,
        timeoutMs: WEBHOOK_TIMEOUT_MS,
        excerptBytes: WEBHOOK_RESPONSE_EXCERPT_CHARS * 4,
      });
      responseCode = answer.status;
      if (answer.status < 200 || answer.status >= 300) {
        const redirect = answer.status >= 300 && answer.status < 400 ? " (redirects are not followed)" : "";
        const excerpt = answer.excerpt.replace(/\s+/g, " ").trim();
        error = `The receiver answered ${answer.status}${redirect}${excerpt ? `: ${excerpt}` : "."}`;
      }
    } catch (failure) {
      if (!(failure instanceof OutboundFetchError)) throw failure;
      error = failure.message;
    }
  }
  const result = {
    ok: error === null,
    response_code: responseCode,
    error: error && cut(error),
    webhook_id: attempt.webhookId,
  };
  await asServiceStatement((db) =>
    recordWebhookDelivery(db, {
      endpointId: attempt.endpointId,
      userId: target.user_id,
      event: attempt.event,
      webhookId: attempt.webhookId,
      ok: result.ok,
      responseCode,
      attempt: attempt.attempt,
      error: result.error,
    }),
  );
  return result;
}

/** Sends a webhook.test event to an endpoint now (not through the queue) and tells how it went. */
export async function sendTestWebhook(endpointId: string): Promise<WebhookTestResult | null> {
  return deliverWebhook({
    endpointId,
    webhookId: `msg_${randomUUID()}`,
    attempt: 1,
    event: "webhook.test",
    occurredAt: new Date().toISOString(),
    data: { endpoint_id: endpointId, message: "A test event from Chatfolio: your endpoint is receiving." },
  });
}
