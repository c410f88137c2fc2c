import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner } from "@/lib/db";
import { listMessages, setMessageRead } from "@/lib/db/queries/messages";
import { listVisitors as listVisitorsPage } from "@/lib/db/queries/visitors";
import { ApiError } from "@/lib/errors";
import type { ListMessagesQuery, ListVisitorsQuery } from "../schemas";

// The Messages API: a chatbot's messages and visitors, and a message marked read or unread.

/**
 * What a chatbot-scoped read returned, or "Chatbot not found." when it found nothing (null or
 * false: the bot is another owner's or doesn't exist). The lists check ownership in the same
 * round trip as their page, so the miss arrives as their result rather than from a lookup first.
 */
export function requireChatbot<T>(found: T | null | false): T {
  if (found === null || found === false) throw new ApiError("not_found", "Chatbot not found.");
  return found;
}

/** One page of a chatbot's messages, newest first (keyset). */
export async function listChatbotMessages(caller: Caller, chatbotId: string, query: ListMessagesQuery) {
  return requireChatbot(await asOwner(caller.claims, (tx) => listMessages(tx, { chatbotId, ...query })));
}

/** One page of who talked to a chatbot, most recently seen first (keyset). */
export async function listVisitors(caller: Caller, chatbotId: string, query: ListVisitorsQuery) {
  return requireChatbot(await asOwner(caller.claims, (tx) => listVisitorsPage(tx, { chatbotId, ...query })));
}

/** Marks one of the owner's messages read or unread. */
export async function updateMessage(caller: Caller, id: string, input: { is_read: boolean }) {
  const message = await asOwner(caller.claims, (tx) => setMessageRead(tx, { id, isRead: input.is_read }));
  if (!message) throw new ApiError("not_found", "Message not found.");
  return message;
}
