import { route } from "@/lib/http/route";
import { blockConversationEndpoint } from "@/lib/inbox/endpoints";
import { blockVisitor } from "@/lib/inbox/use-cases/blocks";

export const dynamic = "force-dynamic";

// POST /api/conversations/{id}/blocks – block the conversation's visitor or their network at that bot
export const POST = route(blockConversationEndpoint)(async ({ caller, params, body }) => ({
  status: 201,
  body: await blockVisitor(caller, { conversation: params.id, scope: body.scope }),
}));
