import { endpoints } from "@/lib/api/endpoint";
import {
  chatRequestSchema,
  chatResponseSchema,
  feedbackRequestSchema,
  feedbackResponseSchema,
  visitorDataQuerySchema,
  visitorDataSchema,
} from "@/lib/chat/schemas";
import { CONTACTS_PER_NETWORK, contactCreatedSchema, contactRequestSchema } from "@/lib/contacts/schemas";

const chat = endpoints({ tag: "Chat", auth: "optional" });

const RATE_LIMIT_HEADERS = {
  "X-RateLimit-Limit": { description: "Messages allowed in the current window.", schema: { type: "integer" as const } },
  "X-RateLimit-Remaining": {
    description: "Messages left in the current window.",
    schema: { type: "integer" as const },
  },
};

export const chatEndpoint = chat("POST /api/chat", "chat", {
  summary: "Send a visitor's message to a chatbot and get its answer",
  description:
    'Public chatbots need no authentication; a private one answers only its owner (404 to anyone else). Without `stream` the answer comes as JSON; with `"stream": true` as the AI SDK UI message stream (server-sent events), whose start part carries `message_id` and `conversation_id` as metadata (and its finish part `sources` when the bot shows sources, `show_sources`, and `contact_offered: true` when the chat should offer the contact form under the answer); a model failure after the answer has begun ends it with an error part whose `errorText` is the JSON error body (code `model_error`). Visitor ids starting with `web-` belong to the public chat page and are refused (403) without its cookie.',
  body: { name: "ChatRequest", schema: chatRequestSchema },
  responses: {
    200: {
      description: "The answer (JSON), or the UI message stream when `stream` is true.",
      body: { name: "ChatResponse", schema: chatResponseSchema },
      contentType: "text/event-stream",
      headers: RATE_LIMIT_HEADERS,
    },
  },
  errors: ["forbidden", "not_found", "rate_limited", "model_error"],
});

// The visitor's own endpoints: who they are is the public page's visitor cookie (the embed's
// too), never an id in the request, so integrations' visitors have none of these.
const visitor = endpoints({ tag: "Chat", auth: "none" });

export const feedbackEndpoint = visitor("POST /api/chat/feedback", "giveFeedback", {
  summary: "Rate an answer thumbs up or down",
  description:
    "The visitor who got the answer (their cookie says who) rates it; `rating: null` takes the rating back, and rating again replaces it. `comment` is kept with a thumbs down only. 404 when the message is not an answer to this visitor. Called from the chat page and its embed (same origin only).",
  body: { name: "FeedbackRequest", schema: feedbackRequestSchema },
  responses: {
    200: { description: "The feedback as stored.", body: { name: "Feedback", schema: feedbackResponseSchema } },
  },
  errors: ["forbidden", "not_found"],
});

export const visitorDataEndpoint = visitor("GET /api/chat/data", "downloadVisitorData", {
  summary: "Download everything a chatbot stored about the calling visitor",
  description:
    "As a JSON attachment: the visitor's name and visits, every message with its answer and feedback, and the owner's replies in their conversations. 404 when the bot holds nothing about this visitor.",
  query: visitorDataQuerySchema,
  responses: {
    200: {
      description: "The visitor's data.",
      body: { name: "VisitorData", schema: visitorDataSchema },
      headers: { "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } } },
    },
  },
  errors: ["not_found"],
});

export const forgetVisitorEndpoint = visitor("DELETE /api/chat/data", "deleteVisitorData", {
  summary: "Delete everything a chatbot stored about the calling visitor",
  description:
    "At once and for good: their messages and the answers, feedback, the owner's replies in their conversations and their visitor record, and their share of the owner's inbox and analytics. 204 also when there was nothing to delete. Same origin only.",
  query: visitorDataQuerySchema,
  responses: { 204: { description: "Deleted (or nothing was stored)." } },
  errors: ["forbidden"],
});

export const revokeReplyLinksEndpoint = visitor("DELETE /api/chat/links", "revokeReplyLinks", {
  summary: "Stop the links in the calling visitor's reply emails from this chatbot",
  description:
    "Every link in a reply email from this bot stops opening the conversation, and every browser that followed one (this one too, if it did) stops being this visitor at once; the browser the conversation began in stays. Leaving an email again starts new links. 204 also when there were none. Same origin only.",
  query: visitorDataQuerySchema,
  responses: { 204: { description: "Revoked (or there were no links)." } },
  errors: ["forbidden"],
});

export const leaveContactEndpoint = visitor("POST /api/chat/contact", "leaveContact", {
  summary: "Leave your details for the chatbot's owner",
  description: `A visitor who chatted with a public bot (their cookie says who) leaves a name, an email and a message; the owner sees them at /dashboard/contacts and hears of them by email and the contact.created webhook. The bot's \`contact_form\` says whether it takes details (\`off\`: 404) and whether an email is required (then 400 without one). At most five a day per visitor and bot, and ${CONTACTS_PER_NETWORK} in ten minutes per client network (an IPv6 /64) and bot (429). Same origin only.`,
  body: { name: "ContactRequest", schema: contactRequestSchema },
  responses: { 201: { description: "Received.", body: { name: "ContactCreated", schema: contactCreatedSchema } } },
  errors: ["forbidden", "not_found", "rate_limited"],
});
