import { getChatbotKnowledgeEndpoint, setChatbotKnowledgeEndpoint } from "@/lib/api/endpoints/chatbots";
import { asOwner } from "@/lib/db";
import { getChatbotKnowledge, setChatbotKnowledge } from "@/lib/db/queries/chatbot-knowledge";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Another owner's chatbot is hidden by RLS, so it reads exactly like one that doesn't exist.
const notFound = () => new ApiError("not_found", "Chatbot not found.");

// GET /api/chatbots/{id}/knowledge – which knowledge items the chatbot answers from
export const GET = route(getChatbotKnowledgeEndpoint)(async ({ caller, params }) => {
  const knowledge = await asOwner(caller.claims, (tx) => getChatbotKnowledge(tx, { chatbotId: params.id }));
  if (!knowledge) throw notFound();
  return { status: 200, body: knowledge };
});

// PUT /api/chatbots/{id}/knowledge – all of the owner's items, or a chosen subset
export const PUT = route(setChatbotKnowledgeEndpoint)(async ({ caller, params, body }) => {
  const knowledge = await asOwner(caller.claims, (tx) =>
    setChatbotKnowledge(tx, { chatbotId: params.id, knowledge: body }),
  );
  if (!knowledge) throw notFound();
  return { status: 200, body: knowledge };
});
