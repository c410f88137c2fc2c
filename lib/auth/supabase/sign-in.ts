import "server-only";
import type { Credentials, PublicUser, SignInInput, TokenResponse } from "@/lib/auth/schemas";
import { ApiError } from "@/lib/errors";
import type { AuthContext, Caller, SignUpResult } from "..";
import type { CookieToSet } from "../cookies";
import { supabaseServerClient } from "./client";
import { isSupabaseAuthCookie } from "./cookie-names";
import { apiErrorFrom, rethrow } from "./errors";

// Sign-up and sign-in delegate to Supabase Auth (POST /auth/v1/signup, /auth/v1/token?
// grant_type=password) through supabase-js, which keeps the session in the request's cookies.

export async function signUp(input: Credentials, context: AuthContext): Promise<SignUpResult> {
  const { data, error } = await supabaseServerClient(context.jar)
    .auth.signUp({ email: input.email, password: input.password })
    .catch(rethrow);
  if (error) throw apiErrorFrom(error);
  if (!data.user) throw new ApiError("unavailable", "The sign-in service gave no account back.");
  const user = { id: data.user.id, email: data.user.email ?? input.email };
  // With email confirmation on, Supabase answers without a session (and reveals nothing more).
  if (!data.session) return { status: 202, body: { user, confirmation_required: true } };
  return { status: 201, body: { user } };
}

export async function signIn(input: SignInInput, context: AuthContext): Promise<PublicUser> {
  const { data, error } = await supabaseServerClient(context.jar)
    .auth.signInWithPassword({ email: input.email, password: input.password })
    .catch(rethrow);
  if (error) throw apiErrorFrom(error);
  return { id: data.user.id, email: data.user.email ?? input.email };
}

/** Supabase's own tokens for an integration; the session goes to a throwaway jar, not a cookie. */
export async function createToken(input: SignInInput): Promise<TokenResponse> {
  const discard = { getAll: () => [], setAll: (_cookies: CookieToSet[]) => {} };
  const { data, error } = await supabaseServerClient(discard)
    .auth.signInWithPassword({ email: input.email, password: input.password })
    .catch(rethrow);
  if (error) throw apiErrorFrom(error);
  const { session, user } = data;
  return {
    access_token: session.access_token,
    token_type: "bearer",
    expires_in: session.expires_in,
    refresh_token: session.refresh_token,
    user: { id: user.id, email: user.email ?? input.email },
  };
}

/**
 * Signs out at Supabase: the cookie session (scope local) or every session of the user (global),
 * and for a Bearer-only caller the token's own session. A failure there is logged, not shown: the
 * cookies are cleared either way (supabase-js clears its own through the jar; a stale one here).
 */
export async function signOut(caller: Caller | null, context: AuthContext, all: boolean): Promise<void> {
  if (caller) {
    const scope = all ? "global" : "local";
    const client = supabaseServerClient(context.jar);
    const bearer = caller.via === "token" ? context.bearer : null;
    try {
      const { error } = bearer ? await client.auth.admin.signOut(bearer, scope) : await client.auth.signOut({ scope });
      if (error && error.status !== 401 && error.status !== 403 && error.status !== 404) {
        console.error("[auth] Supabase sign-out failed:", error.status, error.message);
      }
    } catch (error) {
      console.error("[auth] Supabase sign-out failed:", error);
    }
  }
  const stale = context.jar.getAll().filter((cookie) => isSupabaseAuthCookie(cookie.name));
  context.jar.setAll(stale.map(({ name }) => ({ name, value: "", options: { path: "/", maxAge: 0 } })));
}
