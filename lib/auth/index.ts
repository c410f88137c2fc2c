import "server-only";
import type { JwtClaims } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import { authorization } from "@/lib/http/request-facts";
import { apiKeyCaller, isApiKey } from "./api-keys";
import type { CookieJar } from "./cookies";

/** Who is calling, whichever backend and credential proved it. */
export interface Caller {
  userId: string;
  email: string;
  /** The claims owner-scoped queries run with (asOwner). */
  claims: JwtClaims;
  /** How the caller proved who they are; cookie sessions are subject to CSRF checks. */
  via: "session" | "token" | "api_key";
  /** The built-in backend's session row behind a cookie or access token (what sign-out deletes). */
  sessionId?: string;
  /**
   * When the password was last given for this session or token (built-in: the session row;
   * Supabase: the token's amr). Absent for API keys, which never prove a password.
   */
  authenticatedAt?: Date;
}

export type AuthBackend = "builtin" | "supabase";

/** Supabase Auth when its URL and key are configured, the built-in backend otherwise. */
export function authBackend(): AuthBackend {
  const env = getEnv();
  return env.NEXT_PUBLIC_SUPABASE_URL && env.supabaseKey ? "supabase" : "builtin";
}

/**
 * Who is calling: `Authorization: Bearer <access token | API key>` when the header is present (a
 * bad one is not rescued by a cookie: the client said who it is and was wrong), else the session
 * cookie in jar. Null when none is valid. A session the backend refreshes on the way (Supabase's
 * expired access token) leaves its new cookies in jar for the response. Route handlers pass a jar
 * over their Request (so tests can call them directly); server actions and components, Next's.
 */
export async function callerFrom(jar: CookieJar, headers: Headers): Promise<Caller | null> {
  const credentials = authorization(headers);
  if (credentials.kind === "malformed") return null;
  if (credentials.kind === "bearer") {
    if (isApiKey(credentials.token)) return apiKeyCaller(credentials.token);
    return (await backend()).bearerCaller(credentials.token);
  }
  return (await backend()).sessionCaller(jar);
}

// Each backend is loaded only when it is the configured one: supabase-js never loads for the
// built-in backend, and neither backend imports the other.
async function backend() {
  return authBackend() === "supabase" ? import("./supabase/caller") : import("./builtin/caller");
}
