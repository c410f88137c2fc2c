import { getChatbotKnowledgeEndpoint, setChatbotKnowledgeEndpoint } from "@/lib/chatbots/endpoints";
import { getChatbotKnowledge, setChatbotKnowledge } from "@/lib/chatbots/use-cases";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id}/knowledge – which knowledge items the chatbot answers from
export const GET = route(getChatbotKnowledgeEndpoint)(async ({ caller, params }) => ({
  status: 200,
  body: await getChatbotKnowledge(caller, params),
}));

// PUT /api/chatbots/{id}/knowledge – all of the owner's items, or a chosen subset
export const PUT = route(setChatbotKnowledgeEndpoint)(async ({ caller, params, body }) => ({
  status: 200,
  body: await setChatbotKnowledge(caller, { id: params.id, knowledge: body }),
}));
