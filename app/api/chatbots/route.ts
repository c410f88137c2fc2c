import { createChatbotEndpoint, listChatbotsEndpoint } from "@/lib/chatbots/endpoints";
import { createChatbot, listChatbots } from "@/lib/chatbots/use-cases";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/chatbots – the caller's chatbots, oldest first
export const GET = route(listChatbotsEndpoint)(async ({ caller }) => ({
  status: 200,
  body: await listChatbots(caller),
}));

// POST /api/chatbots – create a chatbot for the caller
export const POST = route(createChatbotEndpoint)(async ({ caller, body }) => ({
  status: 201,
  body: await createChatbot(caller, body),
}));
