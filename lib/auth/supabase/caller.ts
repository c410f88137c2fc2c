import "server-only";
import type { Caller } from "..";
import type { CookieJar } from "../cookies";
import { supabaseServerClient } from "./client";
import { isSupabaseAuthCookie } from "./cookie-names";
import { verifySupabaseAccessToken } from "./verify";

/** The caller behind a Supabase access token sent as `Authorization: Bearer`. */
export async function bearerCaller(token: string): Promise<Caller | null> {
  const claims = await verifySupabaseAccessToken(token);
  if (!claims) return null;
  const authenticatedAt = passwordGivenAt(claims.amr);
  return {
    userId: claims.sub,
    email: claims.email ?? "",
    claims,
    via: "token",
    ...(authenticatedAt && { authenticatedAt }),
  };
}

/**
 * When the user last authenticated, from the token's amr claim (Supabase Auth lists each method
 * with a Unix timestamp; refreshed tokens keep it). Undefined when the token says nothing.
 */
function passwordGivenAt(amr: unknown): Date | undefined {
  if (!Array.isArray(amr)) return undefined;
  const times = amr
    .map((entry: unknown) => (entry && typeof entry === "object" ? (entry as { timestamp?: unknown }).timestamp : null))
    .filter((timestamp): timestamp is number => typeof timestamp === "number");
  return times.length > 0 ? new Date(Math.max(...times) * 1000) : undefined;
}

/**
 * The caller of a Supabase cookie session, read through @supabase/ssr (which refreshes an expired
 * access token with the refresh token); the access token is then verified locally.
 */
export async function sessionCaller(jar: CookieJar): Promise<Caller | null> {
  if (!jar.getAll().some((cookie) => isSupabaseAuthCookie(cookie.name))) return null;
  const { data, error } = await supabaseServerClient(jar).auth.getSession();
  const token = data.session?.access_token;
  if (error || !token) return null;
  const caller = await bearerCaller(token);
  return caller ? { ...caller, via: "session" } : null;
}
