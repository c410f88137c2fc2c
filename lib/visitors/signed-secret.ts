import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { derivedKey } from "@/lib/secret";

// <43 characters of randomness>.<22 characters of HMAC>: a value only this server could have issued.
const VALUE_PATTERN = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{22})$/;

// A key per purpose, so a value issued for one (the visitor cookie) never doubles as another.
function signature(purpose: string, secret: string): Buffer {
  return createHmac("sha256", derivedKey(purpose)).update(secret).digest().subarray(0, 16);
}

/** A new value: a random secret and the server's signature of it for this purpose. */
export function newSignedSecret(purpose: string): string {
  const secret = randomBytes(32).toString("base64url");
  return `${secret}.${signature(purpose, secret).toString("base64url")}`;
}

/** The secret inside a value this server signed for this purpose; null for anything else. */
export function verifiedSecret(purpose: string, value: string): string | null {
  const match = VALUE_PATTERN.exec(value);
  if (!match) return null;
  const given = Buffer.from(match[2], "base64url");
  const expected = signature(purpose, match[1]);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : null;
}
