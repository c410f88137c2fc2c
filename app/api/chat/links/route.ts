import { revokeReplyLinksEndpoint } from "@/lib/api/endpoints/chat";
import { route } from "@/lib/http/route";
import { visitorFromCookie } from "@/lib/visitors/identity";
import { revokeReplyLinks } from "@/lib/visitors/use-cases";

export const dynamic = "force-dynamic";

// DELETE /api/chat/links – the calling visitor's reply-email links from one bot stop working
export const DELETE = route(revokeReplyLinksEndpoint)(async ({ request, query }) => {
  const visitorSecret = await visitorFromCookie(request, { mutation: true, chatbotId: query.chatbot_id });
  await revokeReplyLinks(visitorSecret, query.chatbot_id);
  return { status: 204 };
});
