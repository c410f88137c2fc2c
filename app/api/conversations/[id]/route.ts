import { route } from "@/lib/http/route";
import { getConversationEndpoint, updateConversationEndpoint } from "@/lib/inbox/endpoints";
import { markConversations, readConversation } from "@/lib/inbox/use-cases/conversations";

export const dynamic = "force-dynamic";

// GET /api/conversations/{id} – a page of its turns with the owner's replies and blocks; marks nothing read
export const GET = route(getConversationEndpoint)(async ({ caller, params, query }) => ({
  status: 200,
  body: await readConversation(caller, { id: params.id, cursor: query.cursor }),
}));

// PATCH /api/conversations/{id} – mark its turns read or unread
export const PATCH = route(updateConversationEndpoint)(async ({ caller, params, body }) => {
  const marked = await markConversations(caller, { ids: [params.id], is_read: body.is_read });
  return { status: 200, body: { id: params.id, is_read: marked.is_read } };
});
