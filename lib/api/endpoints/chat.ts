import { endpoints } from "@/lib/api/endpoint";
import { chatRequestSchema, chatResponseSchema } from "@/lib/validation/chat";

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
    'Public chatbots need no authentication; a private one answers only its owner (404 to anyone else). Without `stream` the answer comes as JSON; with `"stream": true` as the AI SDK UI message stream (server-sent events), whose start part carries `message_id` and `conversation_id` as metadata (and its finish part `sources` when the bot shows sources, `show_sources`); a model failure after the answer has begun ends it with an error part whose `errorText` is the JSON error body (code `model_error`). Visitor ids starting with `web-` belong to the public chat page and are refused (403) without its cookie.',
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
