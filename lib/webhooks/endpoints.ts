import { endpoints } from "@/lib/api/endpoint";
import { WEBHOOK_EVENTS } from "./events";
import {
  createdWebhookSchema,
  createWebhookSchema,
  WEBHOOK_TESTS_PER_WINDOW,
  webhookDeliveryListSchema,
  webhookEndpointListSchema,
  webhookTestResultSchema,
} from "./schemas";

const webhooks = endpoints({ tag: "Webhooks", auth: "required" });

const NO_STORE = { "Cache-Control": { description: "private, no-store", schema: { type: "string" as const } } };

const SIGNING =
  'Each delivery is a POST of `{"type","timestamp","data"}` signed as the Standard Webhooks specification says: headers `webhook-id` (the same on every attempt of one event), `webhook-timestamp` (this attempt, Unix seconds) and `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` keyed with the base64-decoded secret after `whsec_`). A 2xx answer within 10 seconds is a success; redirects are not followed; failures are retried with backoff (30 s, doubling, 8 attempts).';

export const listWebhooksEndpoint = webhooks("GET /api/webhooks", "listWebhooks", {
  summary: "The caller's webhook endpoints (never their secrets), oldest first",
  responses: {
    200: { description: "The caller's endpoints.", body: { name: "WebhookList", schema: webhookEndpointListSchema } },
  },
});

export const createWebhookEndpoint = webhooks("POST /api/webhooks", "createWebhook", {
  summary: "Register an endpoint for events; its signing secret is shown only in this response",
  description: `Events: ${WEBHOOK_EVENTS.map((event) => `\`${event}\``).join(", ")}. The address must be https:// and not a private, loopback or link-local one (the operator's ALLOW_PRIVATE_NETWORK_FETCH lifts both, for local receivers). ${SIGNING}`,
  body: { name: "WebhookCreate", schema: createWebhookSchema },
  responses: {
    201: {
      description: "The new endpoint, with its secret.",
      body: { name: "CreatedWebhook", schema: createdWebhookSchema },
      headers: NO_STORE,
    },
  },
  errors: ["conflict"],
});

export const deleteWebhookEndpoint = webhooks("DELETE /api/webhooks/{id}", "deleteWebhook", {
  summary: "Delete an endpoint with its delivery log",
  description: "Events not yet delivered to it are dropped. Another owner's endpoint id is 404, like a missing one.",
  responses: { 204: { description: "Deleted." } },
});

export const testWebhookEndpoint = webhooks("POST /api/webhooks/{id}/test", "testWebhook", {
  summary: "Send a `webhook.test` event to an endpoint now, and tell how it answered",
  description: `Sent at once (not queued, not retried) and logged like any delivery; the answer says whether the receiver took it. At most ${WEBHOOK_TESTS_PER_WINDOW} test events per owner in ten minutes (429 with \`Retry-After\` past that). ${SIGNING}`,
  responses: {
    200: {
      description: "How the delivery went.",
      body: { name: "WebhookTestResult", schema: webhookTestResultSchema },
    },
  },
  errors: ["rate_limited"],
});

export const listWebhookDeliveriesEndpoint = webhooks("GET /api/webhooks/{id}/deliveries", "listWebhookDeliveries", {
  summary: "An endpoint's delivery log, newest first",
  description: "Every attempt of the last 30 days, at most the last 100.",
  responses: {
    200: {
      description: "The endpoint's deliveries.",
      body: { name: "WebhookDeliveryList", schema: webhookDeliveryListSchema },
    },
  },
});
