import { deleteChatbotEndpoint, getChatbotEndpoint, updateChatbotEndpoint } from "@/lib/api/endpoints/chatbots";
import { asOwner } from "@/lib/db";
import { deleteChatbot, findChatbot, updateChatbot } from "@/lib/db/queries/chatbots";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Another owner's chatbot is hidden by RLS, so it reads exactly like one that doesn't exist.
const notFound = () => new ApiError("not_found", "Chatbot not found.");

// GET /api/chatbots/{id} – one of the caller's chatbots
export const GET = route(getChatbotEndpoint)(async ({ caller, params }) => {
  const chatbot = await asOwner(caller.claims, (tx) => findChatbot(tx, params.id));
  if (!chatbot) throw notFound();
  return { status: 200, body: chatbot };
});

// PATCH /api/chatbots/{id} – change some fields; configuration merges at its top level
export const PATCH = route(updateChatbotEndpoint)(async ({ caller, params, body }) => {
  const chatbot = await asOwner(caller.claims, (tx) => updateChatbot(tx, { id: params.id, patch: body }));
  if (!chatbot) throw notFound();
  return { status: 200, body: chatbot };
});

// DELETE /api/chatbots/{id} – delete a chatbot with its visitors and messages
export const DELETE = route(deleteChatbotEndpoint)(async ({ caller, params }) => {
  if (!(await asOwner(caller.claims, (tx) => deleteChatbot(tx, params.id)))) throw notFound();
  return { status: 204 };
});
