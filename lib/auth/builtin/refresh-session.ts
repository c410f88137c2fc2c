import "server-only";
import type { RefreshedSession } from "..";
import { clearedBareSessionCookie, sessionCookie, sessionCookieIn } from "./session-cookie";
import { SESSION_TTL_SECONDS, signBuiltinToken, verifyBuiltinToken } from "./tokens";

// A built-in session cookie is re-issued (new expiry, same session row) once it is this old.
const REISSUE_AFTER_SECONDS = 24 * 60 * 60;

/**
 * A session cookie in use gets a fresh expiry once a day: the server-side row slides on its own,
 * this keeps the cookie from expiring under it.
 */
export async function refreshSession(
  cookies: { name: string; value: string }[],
  secure: boolean,
): Promise<RefreshedSession> {
  const cookie = sessionCookieIn(cookies);
  if (!cookie) return { present: false, cookies: [] };
  const claims = await verifyBuiltinToken(cookie.value, "session");
  // Over https a cookie under the bare name (set before the prefix) moves to the __Host- one.
  const rename = secure && !cookie.prefixed;
  if (!claims || (!rename && Date.now() / 1000 - claims.iat < REISSUE_AFTER_SECONDS)) {
    return { present: true, cookies: [] };
  }
  const token = await signBuiltinToken(claims, new Date(Date.now() + SESSION_TTL_SECONDS * 1000));
  const bare = rename ? [clearedBareSessionCookie(secure)] : [];
  return { present: true, cookies: [sessionCookie(token, secure, SESSION_TTL_SECONDS), ...bare] };
}
