import { asOwner } from "@/lib/db";
import { deleteApiKey } from "@/lib/db/queries/api-keys";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { apiKeyParamsSchema } from "@/lib/validation/api-keys";

export const dynamic = "force-dynamic";

// DELETE /api/keys/{id} -> 204. The row is gone, so the next request with the key is refused.
// Another owner's key id answers 404 like a missing one (RLS hides it).
export const DELETE = route({ params: apiKeyParamsSchema }, async ({ caller, params }) => {
  const deleted = await asOwner(caller.claims, (tx) => deleteApiKey(tx, params.id));
  if (!deleted) throw new ApiError("not_found", "No such API key.");
  return new Response(null, { status: 204 });
});
