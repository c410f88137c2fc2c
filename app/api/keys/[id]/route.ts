import { deleteApiKeyEndpoint } from "@/lib/api-keys/endpoints";
import { revokeApiKey } from "@/lib/api-keys/use-cases";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// DELETE /api/keys/{id} – revoke an API key (another owner's id is 404, like a missing one: RLS hides it)
export const DELETE = route(deleteApiKeyEndpoint)(async ({ caller, params }) => {
  await revokeApiKey(caller, params);
  return { status: 204 };
});
