import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { asServiceStatement } from "@/lib/db";
import { resolveApiKey } from "@/lib/db/queries/api-keys";
import type { Caller } from ".";

/** Every key starts with this, so it is recognisable (and secret scanners can find leaked ones). */
export const API_KEY_PREFIX = "cfk_";
const KEY_PATTERN = /^cfk_[A-Za-z0-9_-]{43}$/;
// cfk_ plus 8 characters: enough to tell keys apart, far too little to guess the rest.
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

export function isApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX);
}

/**
 * SHA-256 without salt is enough here: the key carries 256 random bits, so unlike a password
 * there is nothing to brute-force, and an unsalted hash can be looked up by index.
 */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashApiKey(key) };
}

/** The owner the key acts as; null for a malformed, unknown or revoked key. */
export async function apiKeyCaller(key: string): Promise<Caller | null> {
  if (!KEY_PATTERN.test(key)) return null;
  const owner = await asServiceStatement((db) => resolveApiKey(db, hashApiKey(key)));
  if (!owner) return null;
  return {
    userId: owner.user_id,
    email: owner.email,
    claims: { sub: owner.user_id, email: owner.email, role: "authenticated" },
    via: "api_key",
    scope: owner.scope,
  };
}
