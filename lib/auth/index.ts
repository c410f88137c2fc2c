import "server-only";
import type { JwtClaims } from "@/lib/db";
import { getEnv } from "@/lib/env";

export interface Caller {
  userId: string;
  email: string;
  /** The claims owner-scoped queries run with (asOwner). */
  claims: JwtClaims;
  /** How the caller proved who they are; cookie sessions are subject to CSRF checks. */
  via: "session" | "token" | "api_key";
}

export type AuthBackend = "builtin" | "supabase";

/** Supabase Auth when its URL and key are configured, the built-in backend otherwise. */
export function authBackend(): AuthBackend {
  const env = getEnv();
  return env.NEXT_PUBLIC_SUPABASE_URL && env.supabaseKey ? "supabase" : "builtin";
}

/** Who is calling: a session cookie, a Bearer access token or an API key; null when none is valid. */
export async function getCaller(_request: Request): Promise<Caller | null> {
  return null;
}
