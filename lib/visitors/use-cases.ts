import "server-only";
import { bucket, spendBudgets } from "@/lib/auth/rate-limit";
import type { FeedbackRequest, VisitorData } from "@/lib/chat/schemas";
import { CONTACTS_PER_NETWORK, type ContactRequest } from "@/lib/contacts/schemas";
import { asVisitor } from "@/lib/db";
import { keepVisitorLinkKey, leaveContact as leaveContactRow } from "@/lib/db/queries/contacts";
import {
  findVisitorData,
  forgetVisitor as forgetVisitorRows,
  giveFeedback,
  revokeVisitorLinks,
} from "@/lib/db/queries/visitors";
import { ApiError } from "@/lib/errors";
import { clientNetwork } from "@/lib/http/request-facts";
import { sealVisitorSecret } from "./reply-link";

// What a visitor does besides chatting, each through one narrow security-definer function that
// checks the secret itself. Who the visitor is comes from their cookie (lib/visitors/identity.ts),
// which the route reads: a null secret is a browser that never chatted here.

const CHAT_FIRST = "Chat with this bot first, then leave your details.";

/**
 * The visitor leaves their details for the bot's owner; the id of the contact. Each browser may
 * leave them 5 times a day (private.visitor_contact counts by cookie), and one network
 * CONTACTS_PER_NETWORK times in ten minutes at one bot, since fresh cookies cost nothing and each
 * contact may email the owner at once.
 */
export async function leaveContact(
  visitor: { secret: string | null; ip: string | null },
  input: ContactRequest,
): Promise<{ id: string }> {
  const visitorSecret = visitor.secret;
  if (!visitorSecret) throw new ApiError("not_found", CHAT_FIRST);
  const network = clientNetwork(visitor.ip);
  if (network) {
    await spendBudgets(
      [{ bucket: bucket("contact:ip", `${input.chatbot_id}\n${network}`), limit: CONTACTS_PER_NETWORK }],
      "Several people on your network have just left their details here; try again in a few minutes.",
    );
  }
  const left = await asVisitor(async (tx) => {
    const result = await leaveContactRow(tx, {
      chatbotId: input.chatbot_id,
      visitorSecret,
      conversationId: input.conversation_id ?? null,
      name: input.name,
      email: input.email,
      message: input.message,
    });
    // What lets the link in an emailed reply reopen this conversation on another device.
    if (result.outcome === "created" && input.email) {
      const sealed = sealVisitorSecret(visitorSecret, input.chatbot_id);
      await keepVisitorLinkKey(tx, { chatbotId: input.chatbot_id, visitorSecret, sealed });
    }
    return result;
  });
  if (left.outcome === "created") return { id: left.id };
  if (left.outcome === "email_required") {
    throw new ApiError("validation_failed", "Leave an email so they can answer.", {
      details: [{ path: "email", message: "Leave an email so they can answer." }],
    });
  }
  if (left.outcome === "too_many") {
    throw new ApiError("rate_limited", "You've left your details several times today; they'll be in touch.", {
      headers: { "Retry-After": "86400" },
    });
  }
  throw new ApiError("not_found", "This chatbot doesn't take details, or you haven't chatted with it yet.");
}

/** The visitor rates one of their answers (null takes the rating back); the feedback as stored. */
export async function rateAnswer(
  visitorSecret: string | null,
  input: FeedbackRequest,
): Promise<{ message_id: string; rating: FeedbackRequest["rating"]; comment: string | null }> {
  const comment = input.rating === "down" ? input.comment || null : null;
  const stored =
    visitorSecret !== null &&
    (await asVisitor((tx) =>
      giveFeedback(tx, {
        messageId: input.message_id,
        visitorSecret,
        rating: input.rating,
        comment,
        chatbotId: input.chatbot_id,
      }),
    ));
  if (!stored) throw new ApiError("not_found", "No answer of yours has this id.");
  return { message_id: input.message_id, rating: input.rating, comment };
}

/** Everything the bot stored about the visitor. */
export async function visitorData(visitorSecret: string | null, chatbotId: string): Promise<VisitorData> {
  const data =
    visitorSecret === null ? null : await asVisitor((tx) => findVisitorData(tx, { chatbotId, visitorSecret }));
  if (!data) throw new ApiError("not_found", "This chatbot holds nothing about you.");
  return data;
}

/** Erases everything the bot stored about the visitor, at once; a browser that never chatted has nothing to erase. */
export async function forgetVisitor(visitorSecret: string | null, chatbotId: string): Promise<void> {
  if (visitorSecret !== null) await asVisitor((tx) => forgetVisitorRows(tx, { chatbotId, visitorSecret }));
}

/** Stops the links in the visitor's reply emails from this bot, and every browser that followed one. */
export async function revokeReplyLinks(visitorSecret: string | null, chatbotId: string): Promise<void> {
  if (visitorSecret !== null) await asVisitor((tx) => revokeVisitorLinks(tx, { chatbotId, visitorSecret }));
}
