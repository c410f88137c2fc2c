import "server-only";
import type { Credentials, PublicUser, SignInInput, SignupResponse, TokenResponse } from "@/lib/auth/schemas";
import type { ApiKeyScope } from "@/lib/constants";
import type { JwtClaims } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import type { CookieJar, CookieToSet } from "./cookies";

// The contract between lib/auth and its two backends (builtin/, supabase/): what a caller is, what
// each backend must do, and the errors both raise alike. Both backends import this module and it
// imports neither; lib/auth/backend.ts is the one place that picks one.

/** Who is calling, whichever backend and credential proved it. */
export interface Caller {
  userId: string;
  email: string;
  /** The claims owner-scoped queries run with (asOwner). */
  claims: JwtClaims;
  /** How the caller proved who they are; cookie sessions are subject to CSRF checks. */
  via: "session" | "token" | "api_key";
  /**
   * An API key's scope (lib/auth/scopes.ts decides what it allows); absent for sessions and
   * access tokens, which may do whatever their owner may.
   */
  scope?: ApiKeyScope;
  /** The built-in backend's session row behind a cookie or access token (what sign-out deletes). */
  sessionId?: string;
  /**
   * When the password was last given for this session or token (built-in: the session row;
   * Supabase: the token's amr). Absent for API keys, which never prove a password.
   */
  authenticatedAt?: Date;
}

export type AuthBackendName = "builtin" | "supabase";

/** Supabase Auth when its URL and key are configured, the built-in backend otherwise. */
export function authBackend(): AuthBackendName {
  const env = getEnv();
  return env.NEXT_PUBLIC_SUPABASE_URL && env.supabaseKey ? "supabase" : "builtin";
}

/** What sign-up, sign-in and sign-out need from the request they serve, whoever serves it. */
export interface AuthContext {
  /** Cookies of the request; what the backend sets lands on the response. */
  jar: CookieJar;
  /** The browser came over https: cookies get Secure. */
  secure: boolean;
  /** For the per-IP rate limit; null when unknown. */
  ip: string | null;
  /** The request's Bearer token, if any: with Supabase Auth, sign-out ends that token's session. */
  bearer: string | null;
}

export interface SignUpResult {
  status: 201 | 202;
  body: SignupResponse;
}

/**
 * What each backend does. Rate limits, API keys and the account's data are not in it: lib/auth
 * applies those the same way before or after calling whichever backend is configured.
 */
export interface AuthBackend {
  /** The caller behind an access token sent as `Authorization: Bearer`, if it is valid. */
  bearerCaller(token: string): Promise<Caller | null>;
  /** The caller of the session cookie in jar; a refreshed session leaves its cookies there. */
  sessionCaller(jar: CookieJar): Promise<Caller | null>;
  /** Creates the account (409 when the email is taken) and signs the browser in, unless confirmation comes first. */
  signUp(input: Credentials, context: AuthContext): Promise<SignUpResult>;
  /** Checks the credentials (401 with WRONG_CREDENTIALS) and sets the session cookie. */
  signIn(input: SignInInput, context: AuthContext): Promise<PublicUser>;
  /** An access token for an integration; no cookie is set. */
  createToken(input: SignInInput): Promise<TokenResponse>;
  /** Ends the caller's session (or every session with all) and clears the cookie. */
  signOut(caller: Caller | null, context: AuthContext, all: boolean): Promise<void>;
  /** Gives the password again, so the session counts as recently authenticated. */
  confirmPassword(caller: Caller, password: string, context: AuthContext): Promise<void>;
  changePassword(
    caller: Caller,
    input: { current_password: string; new_password: string },
    context: AuthContext,
  ): Promise<void>;
  /**
   * pending: a confirmation link went to the new address. A change made at once ends pending
   * reset links and every other session, as a confirmed one does.
   */
  changeEmail(
    caller: Caller,
    input: { email: string; password: string },
    context: AuthContext,
  ): Promise<{ pending: boolean }>;
  /**
   * Moves the account to the address a link confirms; pending reset links end, and so does every
   * session but current's (the browser following the link, when it is signed in to this account).
   */
  confirmEmailChange(token: string, current: Caller | null): Promise<void>;
  /** Sends a reset link if the address has an account, and nothing otherwise. */
  sendPasswordReset(email: string): Promise<void>;
  /** Sets a new password from a reset link (single use) and signs the browser in; whose account it was. */
  resetPassword(input: { token: string; password: string }, context: AuthContext): Promise<{ userId: string }>;
  /** Clears the session cookies of a deleted account. */
  clearSession(context: AuthContext): Promise<void>;
}

export interface RefreshedSession {
  /** An auth cookie came with the request (valid or not: the page's own check decides). */
  present: boolean;
  /** Cookies to set on the response (and to pass on to this request's handlers). */
  cookies: CookieToSet[];
}

/**
 * What proxy.ts needs of a backend, apart from AuthBackend so that the proxy, which runs before
 * every page, never loads the database driver: it keeps the browser's session alive without it.
 */
export interface SessionRefresher {
  refreshSession(cookies: { name: string; value: string }[], secure: boolean): Promise<RefreshedSession>;
}

/** One message for a wrong email and a wrong password, whichever backend checked them. */
export const WRONG_CREDENTIALS = "Incorrect email or password.";

/** Sign-up with an email that has an account already, whichever backend found it: 409 naming the field. */
export function emailTaken(cause?: unknown): ApiError {
  const message = "An account with this email already exists.";
  return new ApiError("conflict", message, { details: [{ path: "email", message }], cause });
}

/** The message for a wrong current password, on the field that holds it. */
export function wrongPassword(field: string): ApiError {
  const message = "Incorrect password.";
  return new ApiError("validation_failed", message, { details: [{ path: field, message }] });
}
