import "server-only";
import { type CookieToSet, hostCookieName } from "../cookies";

/**
 * The built-in backend's session cookie, `__Host-chatfolio_session` over https (Supabase Auth
 * names its own sb-<ref>-auth-token).
 */
export const SESSION_COOKIE = "chatfolio_session";

const PREFIXED_SESSION_COOKIE = hostCookieName(SESSION_COOKIE, true);

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
  const prefixed = cookies.find((cookie) => cookie.name === PREFIXED_SESSION_COOKIE);
  if (prefixed) return { value: prefixed.value, prefixed: true };
  const bare = cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  return bare ? { value: bare.value, prefixed: false } : null;
}
