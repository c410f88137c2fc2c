import { createApiKeyEndpoint, listApiKeysEndpoint } from "@/lib/api/endpoints/keys";
import { generateApiKey } from "@/lib/auth/api-keys";
import { requireRecentAuthentication } from "@/lib/auth/recent-authentication";
import { asOwner } from "@/lib/db";
import { insertApiKey, listApiKeys } from "@/lib/db/queries/api-keys";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/keys – the caller's API keys (never their secrets), oldest first
export const GET = route(listApiKeysEndpoint)(async ({ caller }) => {
  return { status: 200, body: { keys: await asOwner(caller.claims, listApiKeys) } };
});

// POST /api/keys – create an API key; the key is shown only in this response. Needs a password given
// in the last few minutes (403 reauthentication_required otherwise).
export const POST = route(createApiKeyEndpoint)(async ({ caller, body }) => {
  requireRecentAuthentication(caller);
  const created = await asOwner(caller.claims, (tx) => insertApiKey(tx, { name: body.name, ...generateApiKey() }));
  return { status: 201, body: created };
});
