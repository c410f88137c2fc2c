import "server-only";
import { asServiceStatement, type JwtClaims } from "@/lib/db";
import { touchSession } from "@/lib/db/queries/sessions";
import type { Caller } from "..";
import type { CookieJar } from "../cookies";
import { sessionCookieIn } from "./session-cookie";
import { type BuiltinTokenClaims, SESSION_TTL_SECONDS, verifyBuiltinToken } from "./tokens";

// A used session's expiry moves forward at most this often (one write per hour per session).
const SLIDE_EVERY_SECONDS = 60 * 60;

/** The caller a session cookie or access token names, if it is genuine and its session lives. */
async function builtinCaller(token: string, typ: BuiltinTokenClaims["typ"]): Promise<Caller | null> {
  const claims = await verifyBuiltinToken(token, typ);
  if (!claims) return null;
  const session = await asServiceStatement((db) =>
    touchSession(db, { id: claims.sid, ttlSeconds: SESSION_TTL_SECONDS, slideEverySeconds: SLIDE_EVERY_SECONDS }),
  );
  if (!session || session.user_id !== claims.sub) return null;
  const exp = Math.floor(Math.min(session.expires_at.getTime() / 1000, claims.exp));
  const dbClaims: JwtClaims = {
    sub: session.user_id,
    email: session.email,
    role: "authenticated",
    exp,
    session_id: session.id,
  };
  return {
    userId: session.user_id,
    email: session.email,
    claims: dbClaims,
    via: typ === "session" ? "session" : "token",
    sessionId: session.id,
    authenticatedAt: session.authenticated_at,
  };
}

/** The caller behind a built-in access token sent as `Authorization: Bearer`. */
export function bearerCaller(token: string): Promise<Caller | null> {
  return builtinCaller(token, "access");
}

/** The caller of the built-in session cookie. */
export async function sessionCaller(jar: CookieJar): Promise<Caller | null> {
  const cookie = sessionCookieIn(jar.getAll());
  return cookie ? builtinCaller(cookie.value, "session") : null;
}
