import "server-only";
import { type CookieToSet, cookieValues, hostCookieName } from "../cookies";

/**
 * The built-in backend's session cookie, `__Host-chatfolio_session` over https (Supabase Auth
 * names its own sb-<ref>-auth-token).
 */
export const SESSION_COOKIE = "chatfolio_session";

const withName = (name: string, value: string, secure: boolean, maxAge: number): CookieToSet => ({
  name,
  value,
  options: { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge },
});

export function sessionCookie(value: string, secure: boolean, maxAge: number): CookieToSet {
  return withName(hostCookieName(SESSION_COOKIE, secure), value, secure, maxAge);
}

/** Clears the cookie under the bare name, which an https server no longer sets. */
export const clearedBareSessionCookie = (secure: boolean) => withName(SESSION_COOKIE, "", secure, 0);

/** Signing out clears the cookie under every name it may have been set with. */
export function clearedSessionCookies(secure: boolean): CookieToSet[] {
  return secure ? [sessionCookie("", true, 0), clearedBareSessionCookie(true)] : [sessionCookie("", false, 0)];
}

/**
 * The session cookie a request carries: the `__Host-` one when present (only this host can have
 * set it), else one under the bare name, set over http or before the prefix.
 */
export function sessionCookieIn(
  cookies: { name: string; value: string }[],
): { value: string; prefixed: boolean } | null {
  return cookieValues(cookies, SESSION_COOKIE)[0] ?? null;
}
