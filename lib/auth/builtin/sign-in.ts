import "server-only";
import type { Credentials, PublicUser, SignInInput, TokenResponse } from "@/lib/auth/schemas";
import { asService } from "@/lib/db";
import { deleteSession, deleteUserSessions, insertSession } from "@/lib/db/queries/sessions";
import { findUserByEmail, insertUser, recordSignIn, type UserRow } from "@/lib/db/queries/users";
import { ApiError } from "@/lib/errors";
import { type AuthContext, type Caller, emailTaken, type SignUpResult, WRONG_CREDENTIALS } from "..";
import { hashPassword, verifyPassword } from "./password";
import { clearedSessionCookies, sessionCookie } from "./session-cookie";
import { ACCESS_TOKEN_TTL_SECONDS, SESSION_TTL_SECONDS, signBuiltinToken } from "./tokens";

// The built-in backend's sign-up, sign-in and sign-out: users in auth.users with scrypt hashes, sessions in
// private.sessions named by signed cookies and access tokens.

/** The account these credentials prove; 401 with one message for a wrong email or password. */
async function authenticate(input: SignInInput): Promise<UserRow> {
  const user = await asService((tx) => findUserByEmail(tx, input.email));
  // verifyPassword burns the same time when there is no account, so timing tells nothing.
  const valid = await verifyPassword(input.password, user?.encrypted_password);
  if (!user || !valid) throw new ApiError("unauthorized", WRONG_CREDENTIALS);
  await asService((tx) => recordSignIn(tx, user.id));
  return { id: user.id, email: user.email };
}

/** A new browser session for user, set on the context's cookie jar. */
export async function startBrowserSession(user: UserRow, context: AuthContext): Promise<void> {
  const session = await asService((tx) =>
    insertSession(tx, { userId: user.id, kind: "browser", ttlSeconds: SESSION_TTL_SECONDS }),
  );
  const token = await signBuiltinToken(
    { sub: user.id, email: user.email, sid: session.id, typ: "session" },
    new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
  );
  context.jar.setAll([sessionCookie(token, context.secure, SESSION_TTL_SECONDS)]);
}

/** Creates the account (409 when the email is taken) and signs the browser in. */
export async function signUp(input: Credentials, context: AuthContext): Promise<SignUpResult> {
  const hash = await hashPassword(input.password);
  const user = await asService((tx) => insertUser(tx, { email: input.email, passwordHash: hash }));
  if (!user) throw emailTaken();
  await startBrowserSession(user, context);
  return { status: 201, body: { user: { id: user.id, email: user.email } } };
}

export async function signIn(input: SignInInput, context: AuthContext): Promise<PublicUser> {
  const user = await authenticate(input);
  await startBrowserSession(user, context);
  return user;
}

/** A short-lived Bearer token, backed by a session row so sign-out everywhere ends it too. */
export async function createToken(input: SignInInput): Promise<TokenResponse> {
  const user = await authenticate(input);
  const session = await asService((tx) =>
    insertSession(tx, { userId: user.id, kind: "token", ttlSeconds: ACCESS_TOKEN_TTL_SECONDS }),
  );
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

/** Ends the caller's own session, or all of the user's sessions and tokens, and clears the cookie. */
export async function signOut(caller: Caller | null, context: AuthContext, all: boolean): Promise<void> {
  const sessionId = caller?.sessionId;
  if (caller && all) await asService((tx) => deleteUserSessions(tx, caller.userId));
  else if (sessionId) await asService((tx) => deleteSession(tx, sessionId));
  context.jar.setAll(clearedSessionCookies(context.secure));
}
