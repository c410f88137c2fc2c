import "server-only";
import type { CookieToSet } from "../cookies";

/** The built-in backend's session cookie (Supabase Auth names its own sb-<ref>-auth-token). */
export const SESSION_COOKIE = "chatfolio_session";

export function sessionCookie(value: string, secure: boolean, maxAge: number): CookieToSet {
  return { name: SESSION_COOKIE, value, options: { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge } };
}

export function clearedSessionCookie(secure: boolean): CookieToSet {
  return sessionCookie("", secure, 0);
}
