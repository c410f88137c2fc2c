import { createChatbot, listChatbots } from "@/lib/db/queries/chatbots";
import { json, route } from "@/lib/http/route";
import { createChatbotBodySchema } from "@/lib/validation/chatbot-server";

export const dynamic = "force-dynamic";

// GET /api/chatbots – list the caller's chatbots, oldest first
export const GET = route({}, async ({ caller }) => {
  return json(await listChatbots(caller.claims));
});

// POST /api/chatbots – create a chatbot for the caller
export const POST = route({ body: createChatbotBodySchema }, async ({ caller, body }) => {
  return json(await createChatbot(caller.claims, body), 201);
});
