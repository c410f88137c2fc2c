import { deleteChatbot, findChatbot, updateChatbot } from "@/lib/db/queries/chatbots";
import { ApiError } from "@/lib/errors";
import { json, route } from "@/lib/http/route";
import { updateChatbotBodySchema } from "@/lib/validation/chatbot-server";
import { idParamsSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

// Another owner's chatbot is hidden by RLS, so it reads exactly like one that doesn't exist.
const notFound = () => new ApiError("not_found", "Chatbot not found.");

// GET /api/chatbots/{id} – one of the caller's chatbots
export const GET = route({ params: idParamsSchema }, async ({ caller, params }) => {
  const chatbot = await findChatbot(caller.claims, params.id);
  if (!chatbot) throw notFound();
  return json(chatbot);
});

// PATCH /api/chatbots/{id} – change some fields; configuration merges at its top level
export const PATCH = route(
  { params: idParamsSchema, body: updateChatbotBodySchema },
  async ({ caller, params, body }) => {
    const chatbot = await updateChatbot(caller.claims, params.id, body);
    if (!chatbot) throw notFound();
    return json(chatbot);
  },
);

// DELETE /api/chatbots/{id} – delete a chatbot with its visitors and messages
export const DELETE = route({ params: idParamsSchema }, async ({ caller, params }) => {
  if (!(await deleteChatbot(caller.claims, params.id))) throw notFound();
  return new Response(null, { status: 204 });
});
