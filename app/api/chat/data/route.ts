import { forgetVisitorEndpoint, visitorDataEndpoint } from "@/lib/api/endpoints/chat";
import { asVisitor } from "@/lib/db";
import { findVisitorData, forgetVisitor } from "@/lib/db/queries/visitors";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { visitorFromCookie } from "@/lib/visitors/identity";

export const dynamic = "force-dynamic";

// GET /api/chat/data – everything the bot stored about the calling visitor, as a JSON download
export const GET = route(visitorDataEndpoint)(async ({ request, query }) => {
  const visitorSecret = visitorFromCookie(request, { mutation: false, chatbotId: query.chatbot_id });
  const data =
    visitorSecret === null
      ? null
      : await asVisitor((tx) => findVisitorData(tx, { chatbotId: query.chatbot_id, visitorSecret }));
  if (!data) throw new ApiError("not_found", "This chatbot holds nothing about you.");
  return {
    status: 200,
    body: data,
    headers: { "Content-Disposition": `attachment; filename="conversation-${query.chatbot_id.slice(0, 8)}.json"` },
  };
});

// DELETE /api/chat/data – erase everything the bot stored about the calling visitor, at once
export const DELETE = route(forgetVisitorEndpoint)(async ({ request, query }) => {
  const visitorSecret = visitorFromCookie(request, { mutation: true, chatbotId: query.chatbot_id });
  if (visitorSecret !== null)
    await asVisitor((tx) => forgetVisitor(tx, { chatbotId: query.chatbot_id, visitorSecret }));
  return { status: 204 };
});
