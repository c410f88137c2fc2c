import "server-only";
import { asService, type JwtClaims } from "@/lib/db";
import { deleteSession, deleteUserSessions, insertSession, touchSession } from "@/lib/db/queries/sessions";
import { findUserByEmail, insertUser, recordSignIn, type UserRow } from "@/lib/db/queries/users";
import { ApiError } from "@/lib/errors";
import type { Credentials, SignInInput, TokenResponse } from "@/lib/validation/auth";
import type { Caller } from "./caller";
import { type CookieToSet, clearedSessionCookie, sessionCookie } from "./cookies";
import { hashPassword, verifyPassword } from "./password";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  type BuiltinTokenClaims,
  SESSION_TTL_SECONDS,
  signBuiltinToken,
  verifyBuiltinToken,
} from "./tokens";

// A used session's expiry moves forward at most this often (one write per hour per session).
const SLIDE_EVERY_SECONDS = 60 * 60;

export const WRONG_CREDENTIALS = "Incorrect email or password.";

/** Creates the account; 409 when the email is taken. */
export async function createUser(input: Credentials): Promise<UserRow> {
  const hash = await hashPassword(input.password);
  const user = await asService((tx) => insertUser(tx, input.email, hash));
  if (!user) throw new ApiError("conflict", "An account with this email already exists.");
  return user;
}

/** The account these credentials prove; 401 with one message for a wrong email or password. */
export async function authenticate(input: SignInInput): Promise<UserRow> {
  const user = await asService((tx) => findUserByEmail(tx, input.email));
  // verifyPassword burns the same time when there is no account, so timing tells nothing.
  const valid = await verifyPassword(input.password, user?.encrypted_password);
  if (!user || !valid) throw new ApiError("unauthorized", WRONG_CREDENTIALS);
  await asService((tx) => recordSignIn(tx, user.id));
  return { id: user.id, email: user.email };
}

/** A new browser session for user, as the cookie that carries it. */
export async function startBrowserSession(user: UserRow, secure: boolean): Promise<CookieToSet> {
  const session = await asService((tx) => insertSession(tx, user.id, "browser", SESSION_TTL_SECONDS));
  const token = await signBuiltinToken(
    { sub: user.id, email: user.email, sid: session.id, typ: "session" },
    new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
  );
  return sessionCookie(token, secure, SESSION_TTL_SECONDS);
}

/** A short-lived Bearer token, backed by a session row so sign-out everywhere ends it too. */
export async function issueAccessToken(user: UserRow): Promise<TokenResponse> {
  const session = await asService((tx) => insertSession(tx, user.id, "token", ACCESS_TOKEN_TTL_SECONDS));
  const token = await signBuiltinToken(
    { sub: user.id, email: user.email, sid: session.id, typ: "access" },
    session.expires_at,
  );
  return {
    access_token: token,
    token_type: "bearer",
    expires_in: Math.max(1, Math.round((session.expires_at.getTime() - Date.now()) / 1000)),
    user: { id: user.id, email: user.email },
  };
}

/** The caller a session cookie or access token names, if it is genuine and its session lives. */
export async function builtinCaller(token: string, typ: BuiltinTokenClaims["typ"]): Promise<Caller | null> {
  const claims = await verifyBuiltinToken(token, typ);
  if (!claims) return null;
  const session = await asService((tx) =>
    touchSession(tx, claims.sid, { ttlSeconds: SESSION_TTL_SECONDS, slideEverySeconds: SLIDE_EVERY_SECONDS }),
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
  };
}

/** Ends the caller's own session, or all of the user's sessions and tokens. */
export async function endBuiltinSessions(caller: Caller | null, all: boolean): Promise<void> {
  if (!caller) return;
  const sessionId = caller.sessionId;
  if (all) await asService((tx) => deleteUserSessions(tx, caller.userId));
  else if (sessionId) await asService((tx) => deleteSession(tx, sessionId));
}

export { clearedSessionCookie };
