import "server-only";
import { siteLink } from "@/lib/email";
import { ApiError } from "@/lib/errors";
import { type AuthContext, type Caller, wrongPassword } from "..";
import type { CookieToSet } from "../cookies";
import { limitAuthAttempt } from "../rate-limit";
import { supabaseServerClient } from "./client";
import { isSupabaseAuthCookie } from "./cookie-names";
import { apiErrorFrom, rethrow } from "./errors";

// With Supabase Auth, passwords, addresses and reset links are Supabase's: these call its own
// flows (updateUser, resetPasswordForEmail, verifyOtp), which send their own emails.

const discard = () => ({ getAll: () => [], setAll: (_cookies: CookieToSet[]) => {} });

/** Checks the password by signing in; into `jar` when given (a fresh session), else thrown away. */
async function checkPassword(
  caller: Caller,
  password: string,
  field: string,
  context: AuthContext,
  jar = discard() as AuthContext["jar"],
): Promise<void> {
  await limitAuthAttempt("sign_in", context.ip, caller.email);
  const { error } = await supabaseServerClient(jar)
    .auth.signInWithPassword({ email: caller.email, password })
    .catch(rethrow);
  if (error?.code === "invalid_credentials" || (error && error.status === 400)) throw wrongPassword(field);
  if (error) throw apiErrorFrom(error);
}

/** A fresh sign-in replaces the cookie session: its token's amr says the password was just given. */
export async function confirmPassword(caller: Caller, password: string, context: AuthContext): Promise<void> {
  if (caller.via !== "session") {
    throw new ApiError("reauthentication_required", "Sign in again (POST /api/auth/token) for a fresh access token.");
  }
  await checkPassword(caller, password, "password", context, context.jar);
}

export async function changePassword(
  caller: Caller,
  input: { current_password: string; new_password: string },
  context: AuthContext,
): Promise<void> {
  await checkPassword(caller, input.current_password, "current_password", context, context.jar);
  const client = supabaseServerClient(context.jar);
  const { error } = await client.auth.updateUser({ password: input.new_password }).catch(rethrow);
  if (error) throw apiErrorFrom(error);
  const { error: signOutError } = await client.auth.signOut({ scope: "others" }).catch(rethrow);
  if (signOutError) console.error("[auth] Supabase sign-out of other sessions failed:", signOutError.message);
}

export async function changeEmail(
  caller: Caller,
  input: { email: string; password: string },
  context: AuthContext,
): Promise<{ pending: boolean }> {
  await checkPassword(caller, input.password, "password", context, context.jar);
  const client = supabaseServerClient(context.jar);
  const { data, error } = await client.auth
    .updateUser({ email: input.email }, { emailRedirectTo: siteLink("/dashboard/settings") })
    .catch(rethrow);
  if (error) throw apiErrorFrom(error);
  // Supabase confirms the new address itself, out of our sight, so the other sessions end now,
  // when the password was just given, rather than when the link is followed. Its own reset links
  // are its own too: nothing here can void one (docs/security.md).
  const { error: signOutError } = await client.auth.signOut({ scope: "others" }).catch(rethrow);
  if (signOutError) console.error("[auth] Supabase sign-out of other sessions failed:", signOutError.message);
  return { pending: data.user?.email?.toLowerCase() !== input.email };
}

export async function confirmEmailChange(_token: string, _current: Caller | null): Promise<void> {
  throw new ApiError("not_found", "Email changes are confirmed through the link Supabase sent.");
}

export async function sendPasswordReset(email: string): Promise<void> {
  const { error } = await supabaseServerClient(discard())
    .auth.resetPasswordForEmail(email, { redirectTo: siteLink("/reset-password") })
    .catch(rethrow);
  if (error) console.error("[auth] Supabase password reset failed:", error.status, error.message);
}

/**
 * The link in Supabase's reset email carries a token hash (its email template links to
 * /reset-password?token={{ .TokenHash }}): verifying it signs the browser in, then the password is set.
 */
export async function resetPassword(
  input: { token: string; password: string },
  context: AuthContext,
): Promise<{ userId: string }> {
  const client = supabaseServerClient(context.jar);
  const { data, error } = await client.auth.verifyOtp({ type: "recovery", token_hash: input.token }).catch(rethrow);
  if (error || !data.user) {
    const message = "This reset link has expired or was used already. Ask for a new one.";
    throw new ApiError("validation_failed", message, { details: [{ path: "token", message }], cause: error });
  }
  const { error: updateError } = await client.auth.updateUser({ password: input.password }).catch(rethrow);
  if (updateError) throw apiErrorFrom(updateError);
  return { userId: data.user.id };
}

export async function clearSession(context: AuthContext): Promise<void> {
  const stale = context.jar.getAll().filter((cookie) => isSupabaseAuthCookie(cookie.name));
  context.jar.setAll(stale.map(({ name }) => ({ name, value: "", options: { path: "/", maxAge: 0 } })));
}
