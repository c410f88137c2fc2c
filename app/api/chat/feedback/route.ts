import { feedbackEndpoint } from "@/lib/api/endpoints/chat";
import { asVisitor } from "@/lib/db";
import { giveFeedback } from "@/lib/db/queries/visitors";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { visitorFromCookie } from "@/lib/visitors/identity";

export const dynamic = "force-dynamic";

// POST /api/chat/feedback – the visitor's thumbs up or down on one of their answers
export const POST = route(feedbackEndpoint)(async ({ request, body }) => {
  const visitorSecret = visitorFromCookie(request, { mutation: true, chatbotId: body.chatbot_id });
  const comment = body.rating === "down" ? body.comment || null : null;
  const stored =
    visitorSecret !== null &&
    (await asVisitor((tx) =>
      giveFeedback(tx, {
        messageId: body.message_id,
        visitorSecret,
        rating: body.rating,
        comment,
        chatbotId: body.chatbot_id,
      }),
    ));
  if (!stored) throw new ApiError("not_found", "No answer of yours has this id.");
  return { status: 200, body: { message_id: body.message_id, rating: body.rating, comment } };
});
