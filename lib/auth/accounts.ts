import "server-only";
import { asOwner } from "@/lib/db";
import { deleteAllApiKeys } from "@/lib/db/queries/api-keys";
import { ApiError } from "@/lib/errors";
import { bearerToken, clientIp, isHttps } from "@/lib/http/request-facts";
import type { Credentials, PublicUser, SignInInput, SignupResponse, TokenResponse } from "@/lib/validation/auth";
import { authBackend, type Caller } from ".";
import { type CookieJar, type CookieToSet, requestCookieJar } from "./cookies";
import { limitAuthAttempt } from "./rate-limit";

/** One message for a wrong email and a wrong password, whichever backend checked them. */
export const WRONG_CREDENTIALS = "Incorrect email or password.";

/** Sign-up with an email that has an account already, whichever backend found it: 409 naming the field. */
export function emailTaken(cause?: unknown): ApiError {
  const message = "An account with this email already exists.";
  return new ApiError("conflict", message, { details: [{ path: "email", message }], cause });
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

// Each backend is loaded only when it is the configured one: supabase-js never loads for the
// built-in backend. Both export the same four functions.
function backend() {
  return authBackend() === "supabase" ? import("./supabase/accounts") : import("./builtin/accounts");
}

/** Creates an account and signs the browser in (unless Supabase Auth wants the email confirmed first). */
export async function signUp(input: Credentials, context: AuthContext): Promise<SignUpResult> {
  await limitAuthAttempt("sign_up", context.ip, input.email);
  return (await backend()).signUp(input, context);
}

/** Signs a browser in: checks the credentials and sets the session cookie. */
export async function signIn(input: SignInInput, context: AuthContext): Promise<PublicUser> {
  await limitAuthAttempt("sign_in", context.ip, input.email);
  return (await backend()).signIn(input, context);
}

/** An access token for an integration; no cookie is set. */
export async function createToken(input: SignInInput, context: AuthContext): Promise<TokenResponse> {
  await limitAuthAttempt("sign_in", context.ip, input.email);
  return (await backend()).createToken(input);
}

/**
 * Ends the caller's session (or every session with all) and clears the cookie. With all and
 * revokeApiKeys, every API key goes too: nothing minted with a stolen session outlives it.
 */
export async function signOut(
  caller: Caller | null,
  context: AuthContext,
  all: boolean,
  revokeApiKeys = false,
): Promise<void> {
  if (caller && all && revokeApiKeys) await asOwner(caller.claims, deleteAllApiKeys);
  return (await backend()).signOut(caller, context, all);
}

/** The AuthContext of a request's headers and cookies. */
export function authContextFrom(headers: Headers, jar: CookieJar, url?: string): AuthContext {
  return { jar, secure: isHttps(headers, url), ip: clientIp(headers), bearer: bearerToken(headers) };
}

/** The AuthContext of a route handler's request; `pending` holds the cookies to send back. */
export function authContextOf(request: Request): AuthContext & { pending: CookieToSet[] } {
  const jar = requestCookieJar(request);
  return { ...authContextFrom(request.headers, jar, request.url), pending: jar.pending };
}
