import { deleteApiKeyEndpoint } from "@/lib/api/endpoints/keys";
import { asOwner } from "@/lib/db";
import { deleteApiKey } from "@/lib/db/queries/api-keys";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// DELETE /api/keys/{id} – revoke an API key (another owner's id is 404, like a missing one: RLS hides it)
export const DELETE = route(deleteApiKeyEndpoint)(async ({ caller, params }) => {
  const deleted = await asOwner(caller.claims, (tx) => deleteApiKey(tx, params.id));
  if (!deleted) throw new ApiError("not_found", "No such API key.");
  return { status: 204 };
});
