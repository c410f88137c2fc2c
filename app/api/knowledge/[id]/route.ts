import { route } from "@/lib/http/route";
import { deleteKnowledgeEndpoint, getKnowledgeEndpoint, replaceKnowledgeEndpoint } from "@/lib/knowledge/endpoints";
import { deleteKnowledge, getKnowledge, replaceKnowledge } from "@/lib/knowledge/use-cases";

export const dynamic = "force-dynamic";

// GET /api/knowledge/{id} – one of the caller's items
export const GET = route(getKnowledgeEndpoint)(async ({ caller, params }) => ({
  status: 200,
  body: await getKnowledge(caller, params),
}));

// PUT /api/knowledge/{id} – replace an item's content (its search chunks are rebuilt)
export const PUT = route(replaceKnowledgeEndpoint)(async ({ caller, params, body }) => ({
  status: 200,
  body: await replaceKnowledge(caller, { id: params.id, input: body }),
}));

// DELETE /api/knowledge/{id} – delete an item
export const DELETE = route(deleteKnowledgeEndpoint)(async ({ caller, params }) => {
  await deleteKnowledge(caller, params);
  return { status: 204 };
});
