import "server-only";
import type { RefreshedSession } from "..";
import { SESSION_COOKIE, sessionCookie } from "./session-cookie";
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
  const value = cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
  if (!value) return { present: false, cookies: [] };
  const claims = await verifyBuiltinToken(value, "session");
  if (!claims || Date.now() / 1000 - claims.iat < REISSUE_AFTER_SECONDS) return { present: true, cookies: [] };
  const token = await signBuiltinToken(claims, new Date(Date.now() + SESSION_TTL_SECONDS * 1000));
  return { present: true, cookies: [sessionCookie(token, secure, SESSION_TTL_SECONDS)] };
}
