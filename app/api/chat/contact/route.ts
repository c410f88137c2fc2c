import { leaveContactEndpoint } from "@/lib/api/endpoints/chat";
import { asVisitor } from "@/lib/db";
import { keepVisitorLinkKey, leaveContact } from "@/lib/db/queries/contacts";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { visitorFromCookie } from "@/lib/visitors/identity";
import { sealVisitorSecret } from "@/lib/visitors/reply-link";

export const dynamic = "force-dynamic";

// POST /api/chat/contact – a visitor leaves their details for the bot's owner
export const POST = route(leaveContactEndpoint)(async ({ request, body }) => {
  const visitorSecret = visitorFromCookie(request, { mutation: true, chatbotId: body.chatbot_id });
  if (!visitorSecret) throw new ApiError("not_found", "Chat with this bot first, then leave your details.");
  const result = await asVisitor(async (tx) => {
    const left = await leaveContact(tx, {
      chatbotId: body.chatbot_id,
      visitorSecret,
      conversationId: body.conversation_id ?? null,
      name: body.name,
      email: body.email,
      message: body.message,
    });
    // What lets the link in an emailed reply reopen this conversation on another device.
    if (left.outcome === "created" && body.email) {
      const sealed = sealVisitorSecret(visitorSecret, body.chatbot_id);
      await keepVisitorLinkKey(tx, { chatbotId: body.chatbot_id, visitorSecret, sealed });
    }
    return left;
  });
  if (result.outcome === "created") return { status: 201, body: { id: result.id } };
  if (result.outcome === "email_required") {
    throw new ApiError("validation_failed", "Leave an email so they can answer.", {
      details: [{ path: "email", message: "Leave an email so they can answer." }],
    });
  }
  if (result.outcome === "too_many") {
    throw new ApiError("rate_limited", "You've left your details several times today; they'll be in touch.", {
      headers: { "Retry-After": "86400" },
    });
  }
  throw new ApiError("not_found", "This chatbot doesn't take details, or you haven't chatted with it yet.");
});
