import { createChatbotEndpoint, listChatbotsEndpoint } from "@/lib/api/endpoints/chatbots";
import { asOwner } from "@/lib/db";
import { createChatbot, listChatbots } from "@/lib/db/queries/chatbots";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/chatbots – the caller's chatbots, oldest first
export const GET = route(listChatbotsEndpoint)(async ({ caller }) => {
  return { status: 200, body: await asOwner(caller.claims, listChatbots) };
});

// POST /api/chatbots – create a chatbot for the caller
export const POST = route(createChatbotEndpoint)(async ({ caller, body }) => {
  return { status: 201, body: await asOwner(caller.claims, (tx) => createChatbot(tx, body)) };
});
