import "server-only";
import type { ApiKey, CreatedApiKey } from "@/lib/api-keys/schemas";
import type { ApiKeyScope } from "@/lib/constants";
import type { Queryable } from "@/lib/db";
import { isoTimestamp, withIsoTimestamps } from "./timestamps";

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  created_at: Date;
  last_used_at: Date | null;
}

const COLUMNS = "id, name, prefix, scope, created_at, last_used_at";

function toApiKey(row: ApiKeyRow): ApiKey {
  return withIsoTimestamps(row, "created_at", "last_used_at");
}

/**
 * Run as the owner: how many keys they have, after taking the owner's key-creation lock, which is
 * held until the transaction ends, so concurrent creates count one after another and a cap checked
 * on this count cannot be overshot.
 */
export async function countApiKeysLocked(tx: Queryable): Promise<number> {
  await tx.query("select pg_advisory_xact_lock(2, hashtext('api-keys:' || auth.uid()::text))");
  const [{ count }] = await tx.query<{ count: number }>("select count(*)::int as count from public.api_keys");
  return count;
}

/** Run as the owner: stores a generated key (RLS fills and checks user_id). */
export async function insertApiKey(
  tx: Queryable,
  key: { name: string; scope: ApiKeyScope; key: string; prefix: string; hash: string },
): Promise<CreatedApiKey> {
  const [row] = await tx.query<ApiKeyRow>(
    `insert into public.api_keys (name, scope, prefix, key_hash) values ($1, $2, $3, $4) returning ${COLUMNS}`,
    [key.name, key.scope, key.prefix, key.hash],
  );
  return {
    id: row.id,
    name: row.name,
    key: key.key,
    prefix: row.prefix,
    scope: row.scope,
    created_at: isoTimestamp(row.created_at),
  };
}

/** Run as the owner: RLS limits the list to their keys, oldest first. */
export async function listApiKeys(tx: Queryable): Promise<ApiKey[]> {
  const rows = await tx.query<ApiKeyRow>(`select ${COLUMNS} from public.api_keys order by created_at, id`);
  return rows.map(toApiKey);
}

/** Run as the owner: false when no key of theirs has this id. */
export async function deleteApiKey(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query("delete from public.api_keys where id = $1 returning id", [id]);
  return rows.length > 0;
}

/** Run as the owner: revokes every key of theirs ("sign out everywhere" may ask for it). */
export async function deleteAllApiKeys(tx: Queryable): Promise<number> {
  const rows = await tx.query("delete from public.api_keys returning id");
  return rows.length;
}

/**
 * Run as the service (the caller is not known yet): the key's owner, and last_used_at stamped
 * (at most once a minute, so a busy integration does not write on every call).
 */
export async function resolveApiKey(
  tx: Queryable,
  hash: string,
): Promise<{ user_id: string; email: string; scope: ApiKeyScope } | null> {
  // One statement: the key's last use is noted (at most once a minute) in the same round trip.
  const rows = await tx.query<{ user_id: string; email: string; scope: ApiKeyScope }>(
    `with key as (
       select k.id, k.user_id, u.email, k.scope, k.last_used_at
         from public.api_keys k join auth.users u on u.id = k.user_id
        where k.key_hash = $1
     ), used as (
       update public.api_keys k set last_used_at = now()
         from key
        where k.id = key.id and (key.last_used_at is null or key.last_used_at < now() - interval '1 minute')
     )
     select user_id, email, scope from key`,
    [hash],
  );
  return rows[0] ?? null;
}

/** Run as the service (a reset link proves no session to be the owner with): revokes the user's every key. */
export async function deleteUserApiKeys(tx: Queryable, userId: string): Promise<number> {
  const rows = await tx.query("delete from public.api_keys where user_id = $1 returning id", [userId]);
  return rows.length;
}
