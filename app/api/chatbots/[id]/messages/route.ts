import { listMessagesEndpoint } from "@/lib/api/endpoints/messages";
import { asOwner } from "@/lib/db";
import { listMessages } from "@/lib/db/queries/messages";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id}/messages – the chatbot's inbox, newest first, keyset-paginated
export const GET = route(listMessagesEndpoint)(async ({ caller, params, query }) => {
  const page = await asOwner(caller.claims, (tx) => listMessages(tx, { chatbotId: params.id, ...query }));
  if (!page) throw new ApiError("not_found", "Chatbot not found.");
  return { status: 200, body: page };
});
