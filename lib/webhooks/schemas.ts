import { z } from "zod";
import { timestampSchema } from "@/lib/validation/common";
import { WEBHOOK_EVENTS } from "./events";

// Shared by the API routes, the dashboard's forms and the OpenAPI document: no "server-only" here.
// Whether http:// and private addresses are allowed depends on the server's configuration, so the
// server checks that after these schemas (lib/webhooks/receiver-url.ts).

/**
 * Endpoints per owner; one delivery's whole request (no redirect is followed); how much of a
 * receiver's answer is kept in the delivery log (enough for a status line or an error's first
 * sentence, not a page of whatever the receiver chose to send back); test events per owner within
 * ten minutes (AUTH_WINDOW_SECONDS).
 */
export const MAX_WEBHOOK_ENDPOINTS_PER_OWNER = 10;
export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_RESPONSE_EXCERPT_CHARS = 200;
export const WEBHOOK_TESTS_PER_WINDOW = 10;

export const webhookEventSchema = z.enum(WEBHOOK_EVENTS, {
  error: `Choose among ${WEBHOOK_EVENTS.join(", ")}.`,
});

/** POST /api/webhooks. */
export const createWebhookSchema = z.object({
  url: z
    .string({ error: "Give the address that receives the events." })
    .trim()
    .min(1, "Give the address that receives the events.")
    .max(2000, "An address has at most 2000 characters.")
    .pipe(z.url({ protocol: /^https?$/, error: "Give a full web address, starting with https://." })),
  events: z
    .array(webhookEventSchema, { error: "Choose the events to send." })
    .min(1, "Choose at least one event.")
    .max(WEBHOOK_EVENTS.length)
    .transform((events) => [...new Set(events)]),
  description: z.string().trim().max(200, "A description has at most 200 characters.").default(""),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

/** One endpoint as listed: never its secret. */
export const webhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(webhookEventSchema),
  description: z.string(),
  created_at: timestampSchema,
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointListSchema = z.object({ webhooks: z.array(webhookEndpointSchema) });

/** 201 from POST /api/webhooks: the only time the signing secret is shown. */
export const createdWebhookSchema = webhookEndpointSchema.extend({
  /** Standard Webhooks signing secret: whsec_ and the base64 of 32 random bytes. Store it now. */
  secret: z.string(),
});
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;

/** One attempt to deliver an event, as the log shows it. */
export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  event: z.string(),
  /** The webhook-id header, the same on every attempt of one event. */
  webhook_id: z.string(),
  status: z.enum(["ok", "failed"]),
  response_code: z.number().int().nullable(),
  attempt: z.number().int(),
  error: z.string().nullable(),
  created_at: timestampSchema,
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });

/** 200 from POST /api/webhooks/{id}/test: how the receiver answered the test event. */
export const webhookTestResultSchema = z.object({
  ok: z.boolean(),
  response_code: z.number().int().nullable(),
  error: z.string().nullable(),
  webhook_id: z.string(),
});
export type WebhookTestResult = z.infer<typeof webhookTestResultSchema>;
