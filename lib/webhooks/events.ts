// Plain values only (no zod, no "server-only"): the dashboard's create form imports them in the
// browser.

/**
 * The webhook events an owner can subscribe to (the same list as private.webhook_events() in the
 * database). Each is queued through private.enqueue_webhook_event; contact.created is for the
 * contacts feature to queue.
 */
export const WEBHOOK_EVENTS = [
  "message.created",
  "question.unanswered",
  "contact.created",
  "feedback.created",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
