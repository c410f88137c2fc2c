import { deleteChatbotEndpoint, getChatbotEndpoint, updateChatbotEndpoint } from "@/lib/chatbots/endpoints";
import { deleteChatbot, getChatbot, updateChatbot } from "@/lib/chatbots/use-cases";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id} – one of the caller's chatbots
export const GET = route(getChatbotEndpoint)(async ({ caller, params }) => ({
  status: 200,
  body: await getChatbot(caller, params),
}));

// PATCH /api/chatbots/{id} – change some fields; configuration merges at its top level
export const PATCH = route(updateChatbotEndpoint)(async ({ caller, params, body }) => ({
  status: 200,
  body: await updateChatbot(caller, { id: params.id, patch: body }),
}));

// DELETE /api/chatbots/{id} – delete a chatbot with its visitors and messages
export const DELETE = route(deleteChatbotEndpoint)(async ({ caller, params }) => {
  await deleteChatbot(caller, params);
  return { status: 204 };
});
