import "server-only";
import { authBackend } from "./backend";
import { type CookieJar, type CookieToSet, SESSION_COOKIE, sessionCookie } from "./cookies";
import { isSupabaseAuthCookie } from "./supabase/cookie-names";
import { SESSION_TTL_SECONDS, signBuiltinToken, verifyBuiltinToken } from "./tokens";

// A built-in session cookie is re-issued (new expiry, same session row) once it is this old.
const REISSUE_AFTER_SECONDS = 24 * 60 * 60;

export interface RefreshedSession {
  /** An auth cookie came with the request (valid or not: the page's own check decides). */
  present: boolean;
  /** Cookies to set on the response (and to pass on to this request's handlers). */
  cookies: CookieToSet[];
}

/**
 * Keeps the browser's session alive, for proxy.ts. Built-in: a session cookie in use gets a fresh
 * expiry once a day (the server-side row slides on its own; this keeps the cookie from expiring
 * under it). Supabase: @supabase/ssr refreshes an expired access token with the refresh token.
 * Never touches the database: it is on every request's path.
 */
export async function refreshSession(
  cookies: { name: string; value: string }[],
  secure: boolean,
): Promise<RefreshedSession> {
  if (authBackend() === "supabase") {
    if (!cookies.some((cookie) => isSupabaseAuthCookie(cookie.name))) return { present: false, cookies: [] };
    const pending: CookieToSet[] = [];
    const jar: CookieJar = { getAll: () => cookies, setAll: (list) => pending.push(...list) };
    const { supabaseServerClient } = await import("./supabase/client");
    await supabaseServerClient(jar)
      .auth.getSession()
      .catch((error: unknown) => console.error("[auth] Supabase session refresh failed:", error));
    return { present: true, cookies: pending };
  }

  const value = cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
  if (!value) return { present: false, cookies: [] };
  const claims = await verifyBuiltinToken(value, "session");
  if (!claims || Date.now() / 1000 - claims.iat < REISSUE_AFTER_SECONDS) return { present: true, cookies: [] };
  const token = await signBuiltinToken(claims, new Date(Date.now() + SESSION_TTL_SECONDS * 1000));
  return { present: true, cookies: [sessionCookie(token, secure, SESSION_TTL_SECONDS)] };
}
