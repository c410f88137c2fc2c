import "server-only";
import type { Credentials, PublicUser, SignInInput, TokenResponse } from "@/lib/auth/schemas";
import { asOwner } from "@/lib/db";
import { deleteAllApiKeys } from "@/lib/db/queries/api-keys";
import { bearerToken, clientIp, isHttps } from "@/lib/http/request-facts";
import type { AuthContext, Caller, SignUpResult } from ".";
import { loadAuthBackend } from "./backend";
import { type CookieJar, type CookieToSet, requestCookieJar } from "./cookies";
import { limitAuthAttempt } from "./rate-limit";
import { requireRecentBrowserSession } from "./recent-authentication";

// Sign-up, sign-in, access tokens and sign-out, whichever backend holds the account: the rate limit
// and the API keys are applied here, the same for both.

/** Creates an account and signs the browser in (unless Supabase Auth wants the email confirmed first). */
export async function signUp(input: Credentials, context: AuthContext): Promise<SignUpResult> {
  await limitAuthAttempt("sign_up", context.ip, input.email);
  return (await loadAuthBackend()).signUp(input, context);
}

/** Signs a browser in: checks the credentials and sets the session cookie. */
export async function signIn(input: SignInInput, context: AuthContext): Promise<PublicUser> {
  await limitAuthAttempt("sign_in", context.ip, input.email);
  return (await loadAuthBackend()).signIn(input, context);
}

/** An access token for an integration; no cookie is set. */
export async function createToken(input: SignInInput, context: AuthContext): Promise<TokenResponse> {
  await limitAuthAttempt("sign_in", context.ip, input.email);
  return (await loadAuthBackend()).createToken(input);
}

/**
 * Ends the caller's session (or every session with all) and clears the cookie. With all and
 * revokeApiKeys, every API key goes too: nothing minted with a stolen session outlives it. That
 * revocation needs the browser session with a recent password (403 otherwise): a leaked key or
 * an old session could otherwise cut every integration off.
 */
export async function signOut(
  caller: Caller | null,
  context: AuthContext,
  all: boolean,
  revokeApiKeys = false,
): Promise<void> {
  if (caller && all && revokeApiKeys) {
    requireRecentBrowserSession(caller);
    await asOwner(caller.claims, deleteAllApiKeys);
  }
  return (await loadAuthBackend()).signOut(caller, context, all);
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
