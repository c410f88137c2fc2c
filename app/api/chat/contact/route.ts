import { leaveContactEndpoint } from "@/lib/api/endpoints/chat";
import { clientIp } from "@/lib/http/request-facts";
import { route } from "@/lib/http/route";
import { visitorFromCookie } from "@/lib/visitors/identity";
import { leaveContact } from "@/lib/visitors/use-cases";

export const dynamic = "force-dynamic";

// POST /api/chat/contact – a visitor leaves their details for the bot's owner
export const POST = route(leaveContactEndpoint)(async ({ request, body }) => {
  const secret = await visitorFromCookie(request, { mutation: true, chatbotId: body.chatbot_id });
  return { status: 201, body: await leaveContact({ secret, ip: clientIp(request.headers) }, body) };
});
