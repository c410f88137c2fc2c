import { createApiKeyEndpoint, listApiKeysEndpoint } from "@/lib/api-keys/endpoints";
import { createApiKey, listApiKeys } from "@/lib/api-keys/use-cases";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/keys – the caller's API keys (never their secrets), oldest first
export const GET = route(listApiKeysEndpoint)(async ({ caller }) => ({
  status: 200,
  body: { keys: await listApiKeys(caller) },
}));

// POST /api/keys – create an API key; the key is shown only in this response. Needs a password given
// in the last few minutes (403 reauthentication_required otherwise).
export const POST = route(createApiKeyEndpoint)(async ({ caller, body }) => ({
  status: 201,
  body: await createApiKey(caller, body),
}));
