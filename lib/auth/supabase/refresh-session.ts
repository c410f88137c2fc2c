import "server-only";
import type { RefreshedSession } from "..";
import type { CookieJar, CookieToSet } from "../cookies";
import { supabaseServerClient } from "./client";
import { isSupabaseAuthCookie } from "./cookie-names";

/** @supabase/ssr refreshes an expired access token with the refresh token, through the cookies. */
export async function refreshSession(
  cookies: { name: string; value: string }[],
  _secure: boolean,
): Promise<RefreshedSession> {
  if (!cookies.some((cookie) => isSupabaseAuthCookie(cookie.name))) return { present: false, cookies: [] };
  const pending: CookieToSet[] = [];
  const jar: CookieJar = { getAll: () => cookies, setAll: (list) => pending.push(...list) };
  await supabaseServerClient(jar)
    .auth.getSession()
    .catch((error: unknown) => console.error("[auth] Supabase session refresh failed:", error));
  return { present: true, cookies: pending };
}
