import { route } from "@/lib/http/route";
import { replyToConversationEndpoint } from "@/lib/inbox/endpoints";
import { replyToConversation } from "@/lib/inbox/use-cases/conversations";

export const dynamic = "force-dynamic";

// POST /api/conversations/{id}/replies – the owner's reply, shown to the visitor when they come back
export const POST = route(replyToConversationEndpoint)(async ({ caller, params, body }) => ({
  status: 201,
  body: await replyToConversation(caller, { conversation: params.id, body: body.body }),
}));
