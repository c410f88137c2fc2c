import type { FeedbackRating } from "@/lib/constants";

// The visitor's own calls besides chatting: plain fetches, so they load with the page and not
// with the chat engine. Who the visitor is travels in their cookie, never in these bodies.

export interface AnswerFeedback {
  rating: FeedbackRating | null;
  comment: string | null;
}

/** Rates an answer (null takes the rating back); false when the server refused or was unreachable. */
export async function sendFeedback(messageId: string, feedback: AnswerFeedback): Promise<boolean> {
  try {
    const response = await fetch("/api/chat/feedback", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message_id: messageId, ...feedback }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Where the visitor downloads everything this bot holds about them. */
export const visitorDataUrl = (chatbotId: string) => `/api/chat/data?chatbot_id=${encodeURIComponent(chatbotId)}`;

/** Erases everything this bot holds about the visitor; false when it could not be done. */
export async function deleteVisitorData(chatbotId: string): Promise<boolean> {
  try {
    return (await fetch(visitorDataUrl(chatbotId), { method: "DELETE" })).ok;
  } catch {
    return false;
  }
}
