import "server-only";
import type { Caller } from "@/lib/auth";
import { generateApiKey } from "@/lib/auth/api-keys";
import { requireRecentAuthentication } from "@/lib/auth/recent-authentication";
import type { ApiKeyScope } from "@/lib/constants";
import { asOwner } from "@/lib/db";
import {
  countApiKeysLocked,
  deleteApiKey,
  insertApiKey,
  listApiKeys as listApiKeyRows,
} from "@/lib/db/queries/api-keys";
import { ApiError } from "@/lib/errors";
import { type ApiKey, type CreatedApiKey, MAX_API_KEYS_PER_OWNER } from "./schemas";

// An owner's API keys: what /api/keys and the settings page do, each written once. The key itself
// (its format, hash and who it proves) is lib/auth/api-keys.ts's.

/** The caller's keys (never their secrets), oldest first. */
export async function listApiKeys(caller: Caller): Promise<ApiKey[]> {
  return asOwner(caller.claims, listApiKeyRows);
}

/**
 * Mints a key, shown this once. Needs a password given in the last few minutes (403
 * reauthentication_required otherwise), and stays within the owner's cap (409 past it).
 */
export async function createApiKey(
  caller: Caller,
  { name, scope }: { name: string; scope: ApiKeyScope },
): Promise<CreatedApiKey> {
  requireRecentAuthentication(caller);
  return asOwner(caller.claims, async (tx) => {
    if ((await countApiKeysLocked(tx)) >= MAX_API_KEYS_PER_OWNER) {
      throw new ApiError(
        "conflict",
        `An account can have at most ${MAX_API_KEYS_PER_OWNER} API keys; revoke one first.`,
      );
    }
    return insertApiKey(tx, { name, scope, ...generateApiKey() });
  });
}

/** Revokes one of the caller's keys; another owner's id is 404, like a missing one (RLS hides it). */
export async function revokeApiKey(caller: Caller, { id }: { id: string }): Promise<void> {
  if (!(await asOwner(caller.claims, (tx) => deleteApiKey(tx, id)))) {
    throw new ApiError("not_found", "No such API key.");
  }
}
