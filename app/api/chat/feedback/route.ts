import { feedbackEndpoint } from "@/lib/api/endpoints/chat";
import { route } from "@/lib/http/route";
import { visitorFromCookie } from "@/lib/visitors/identity";
import { rateAnswer } from "@/lib/visitors/use-cases";

export const dynamic = "force-dynamic";

// POST /api/chat/feedback – the visitor's thumbs up or down on one of their answers
export const POST = route(feedbackEndpoint)(async ({ request, body }) => {
  const visitorSecret = await visitorFromCookie(request, { mutation: true, chatbotId: body.chatbot_id });
  return { status: 200, body: await rateAnswer(visitorSecret, body) };
});
