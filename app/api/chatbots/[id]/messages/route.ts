import { route } from "@/lib/http/route";
import { listMessagesEndpoint } from "@/lib/inbox/endpoints";
import { listChatbotMessages } from "@/lib/inbox/use-cases/messages";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id}/messages – the chatbot's inbox, newest first, keyset-paginated
export const GET = route(listMessagesEndpoint)(async ({ caller, params, query }) => ({
  status: 200,
  body: await listChatbotMessages(caller, params.id, query),
}));
