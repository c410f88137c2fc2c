import { generateApiKey } from "@/lib/auth/api-keys";
import { asOwner } from "@/lib/db";
import { type ApiKeyRow, countApiKeys, insertApiKey, listApiKeys, lockApiKeys } from "@/lib/db/queries/api-keys";
import { ApiError } from "@/lib/errors";
import { json, route } from "@/lib/http/route";
import { MAX_API_KEYS_PER_OWNER } from "@/lib/limits";
import { type ApiKey, type CreatedApiKey, createApiKeySchema } from "@/lib/validation/api-keys";

export const dynamic = "force-dynamic";

function present(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
  };
}

// GET /api/keys -> 200 {"keys":[{id,name,prefix,created_at,last_used_at}]}, oldest first.
export const GET = route({}, async ({ caller }) => {
  const rows = await asOwner(caller.claims, listApiKeys);
  return json({ keys: rows.map(present) }, 200, { "Cache-Control": "no-store" });
});

// POST /api/keys {"name"} -> 201 {id,name,key,prefix,created_at}; the key is shown only here.
export const POST = route({ body: createApiKeySchema }, async ({ caller, body }) => {
  const generated = generateApiKey();
  const row = await asOwner(caller.claims, async (tx) => {
    await lockApiKeys(tx);
    if ((await countApiKeys(tx)) >= MAX_API_KEYS_PER_OWNER) {
      throw new ApiError(
        "conflict",
        `An account can have at most ${MAX_API_KEYS_PER_OWNER} API keys; revoke one first.`,
      );
    }
    return insertApiKey(tx, { name: body.name, prefix: generated.prefix, hash: generated.hash });
  });
  const created: CreatedApiKey = {
    id: row.id,
    name: row.name,
    key: generated.key,
    prefix: row.prefix,
    created_at: row.created_at.toISOString(),
  };
  return json(created, 201, { "Cache-Control": "no-store" });
});
