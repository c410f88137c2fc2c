import type { FeedbackRating } from "@/lib/constants";

// The visitor's own calls besides chatting: plain fetches, so they load with the page and not
// with the chat engine. Who the visitor is travels in their cookie, never in these bodies.

export interface AnswerFeedback {
  rating: FeedbackRating | null;
  comment: string | null;
}

/** Rates an answer (null takes the rating back); false when the server refused or was unreachable. */
export async function sendFeedback(chatbotId: string, messageId: string, feedback: AnswerFeedback): Promise<boolean> {
  try {
    const response = await fetch("/api/chat/feedback", {
      method: "POST",
      headers: { "content-type": "application/json" },
      // The bot, so a browser that is this visitor through a reply link (at this bot only) can rate.
      body: JSON.stringify({ chatbot_id: chatbotId, message_id: messageId, ...feedback }),
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

/** Stops the links in the visitor's reply emails from this bot, and every browser that followed one; false when it could not be done. */
export async function revokeReplyLinks(chatbotId: string): Promise<boolean> {
  try {
    return (await fetch(`/api/chat/links?chatbot_id=${encodeURIComponent(chatbotId)}`, { method: "DELETE" })).ok;
  } catch {
    return false;
  }
}

/** Leaves the visitor's details for the owner: true, or what went wrong, in words for the visitor. */
export async function sendContact(details: {
  chatbot_id: string;
  name: string;
  email: string;
  message: string;
}): Promise<true | string> {
  try {
    const response = await fetch("/api/chat/contact", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(details),
    });
    if (response.ok) return true;
    const body = (await response.json().catch(() => null)) as {
      error?: { message?: string; details?: Array<{ message: string }> };
    } | null;
    return body?.error?.details?.[0]?.message ?? body?.error?.message ?? "Couldn't send your details. Try again.";
  } catch {
    return "Couldn't send your details. Try again.";
  }
}
