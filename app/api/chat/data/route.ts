import { forgetVisitorEndpoint, visitorDataEndpoint } from "@/lib/api/endpoints/chat";
import { route } from "@/lib/http/route";
import { visitorFromCookie } from "@/lib/visitors/identity";
import { forgetVisitor, visitorData } from "@/lib/visitors/use-cases";

export const dynamic = "force-dynamic";

// GET /api/chat/data – everything the bot stored about the calling visitor, as a JSON download
export const GET = route(visitorDataEndpoint)(async ({ request, query }) => {
  const visitorSecret = await visitorFromCookie(request, { mutation: false, chatbotId: query.chatbot_id });
  return {
    status: 200,
    body: await visitorData(visitorSecret, query.chatbot_id),
    headers: { "Content-Disposition": `attachment; filename="conversation-${query.chatbot_id.slice(0, 8)}.json"` },
  };
});

// DELETE /api/chat/data – erase everything the bot stored about the calling visitor, at once
export const DELETE = route(forgetVisitorEndpoint)(async ({ request, query }) => {
  const visitorSecret = await visitorFromCookie(request, { mutation: true, chatbotId: query.chatbot_id });
  await forgetVisitor(visitorSecret, query.chatbot_id);
  return { status: 204 };
});
