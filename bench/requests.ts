// The requests the scenarios send, built the way clients send them.
import { randomBytes } from "node:crypto";
import { QUESTIONS } from "./content";
import type { LoadRequest } from "./load";

export const healthRequest: LoadRequest = { method: "GET", path: "/api/health" };

const runTag = randomBytes(3).toString("hex");
let sent = 0;

/**
 * A visitor's first message, from a visitor never seen before (so no visitor limit is ever near),
 * to the given bots in turn.
 */
export function chatRequest(chatbotIds: string[], stream: boolean): LoadRequest {
  return {
    method: "POST",
    path: "/api/chat",
    headers: { "content-type": "application/json" },
    body: () => {
      const n = sent++;
      return JSON.stringify({
        message: QUESTIONS[n % QUESTIONS.length],
        visitor_id: `bench-${runTag}-${n}`,
        chatbot_id: chatbotIds[n % chatbotIds.length],
        stream,
      });
    },
  };
}

/** The first page of a bot's inbox (newest 50), as an integration reads it with an API key. */
export function inboxRequest(chatbotId: string, apiKey: string): LoadRequest {
  return {
    method: "GET",
    path: `/api/chatbots/${chatbotId}/messages`,
    headers: { authorization: `Bearer ${apiKey}` },
  };
}
