import { deleteKnowledgeEndpoint, getKnowledgeEndpoint, replaceKnowledgeEndpoint } from "@/lib/api/endpoints/knowledge";
import { asOwner } from "@/lib/db";
import { deleteKnowledgeItem, findKnowledgeItem, recordOf, updateKnowledgeItem } from "@/lib/db/queries/knowledge";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Another owner's item is hidden by RLS, so it reads exactly like one that doesn't exist.
const notFound = () => new ApiError("not_found", "Knowledge item not found.");

// GET /api/knowledge/{id} – one of the caller's items
export const GET = route(getKnowledgeEndpoint)(async ({ caller, params }) => {
  const item = await asOwner(caller.claims, (tx) => findKnowledgeItem(tx, params.id));
  if (!item) throw notFound();
  return { status: 200, body: item };
});

// PUT /api/knowledge/{id} – replace an item's content (its search chunks are rebuilt)
export const PUT = route(replaceKnowledgeEndpoint)(async ({ caller, params, body }) => {
  const item = await asOwner(caller.claims, (tx) => updateKnowledgeItem(tx, { id: params.id, record: recordOf(body) }));
  if (!item) throw notFound();
  return { status: 200, body: item };
});

// DELETE /api/knowledge/{id} – delete an item
export const DELETE = route(deleteKnowledgeEndpoint)(async ({ caller, params }) => {
  if (!(await asOwner(caller.claims, (tx) => deleteKnowledgeItem(tx, params.id)))) throw notFound();
  return { status: 204 };
});
