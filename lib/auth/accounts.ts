import "server-only";
import type { Credentials, PublicUser, SignInInput, SignupResponse, TokenResponse } from "@/lib/validation/auth";
import { authBackend } from "./backend";
import {
  authenticate,
  clearedSessionCookie,
  createUser,
  endBuiltinSessions,
  issueAccessToken,
  startBrowserSession,
} from "./builtin";
import type { Caller } from "./caller";
import type { CookieJar } from "./cookies";
import { limitAuthAttempt } from "./rate-limit";
import { isSupabaseAuthCookie } from "./supabase/cookie-names";

/** What sign-up, sign-in and sign-out need from the request they serve, whoever serves it. */
export interface AuthContext {
  /** Cookies of the request; what the backend sets lands on the response. */
  jar: CookieJar;
  /** The browser came over https: cookies get Secure. */
  secure: boolean;
  /** For the per-IP rate limit; null when unknown. */
  ip: string | null;
  /** The request's Bearer token, if any: with Supabase Auth, sign-out ends that token's session. */
  bearer?: string | null;
}

export interface SignUpResult {
  status: 201 | 202;
  body: SignupResponse;
}

/** Creates an account and signs the browser in (unless Supabase Auth wants the email confirmed first). */
export async function signUp(input: Credentials, context: AuthContext): Promise<SignUpResult> {
  await limitAuthAttempt("sign_up", context.ip, input.email);
  if (authBackend() === "supabase") return (await supabase()).supabaseSignUp(input, context);
  const user = await createUser(input);
  context.jar.setAll([await startBrowserSession(user, context.secure)]);
  return { status: 201, body: { user: { id: user.id, email: user.email } } };
}

/** Signs a browser in: checks the credentials and sets the session cookie. */
export async function signIn(input: SignInInput, context: AuthContext): Promise<PublicUser> {
  await limitAuthAttempt("sign_in", context.ip, input.email);
  if (authBackend() === "supabase") return (await supabase()).supabaseSignIn(input, context);
  const user = await authenticate(input);
  context.jar.setAll([await startBrowserSession(user, context.secure)]);
  return user;
}

/** An access token for an integration; no cookie is set. */
export async function createToken(input: SignInInput, context: AuthContext): Promise<TokenResponse> {
  await limitAuthAttempt("sign_in", context.ip, input.email);
  if (authBackend() === "supabase") return (await supabase()).supabaseToken(input);
  const user = await authenticate(input);
  return issueAccessToken(user);
}

/** Ends the caller's session (or every session with all) and clears the cookie. */
export async function signOut(caller: Caller | null, context: AuthContext, all: boolean): Promise<void> {
  if (authBackend() === "supabase") {
    // With a session, supabase-js clears its own cookies through the jar; a stale one is cleared here.
    if (caller) {
      await (await supabase()).supabaseSignOut(context, all, caller.via === "token" ? (context.bearer ?? null) : null);
    }
    const stale = context.jar.getAll().filter((cookie) => isSupabaseAuthCookie(cookie.name));
    context.jar.setAll(stale.map(({ name }) => ({ name, value: "", options: { path: "/", maxAge: 0 } })));
    return;
  }
  await endBuiltinSessions(caller, all);
  context.jar.setAll([clearedSessionCookie(context.secure)]);
}

// supabase-js is loaded only when Supabase Auth is configured: the built-in backend never needs it.
function supabase() {
  return import("./supabase/accounts");
}
