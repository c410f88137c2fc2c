import "server-only";
import type { AuthBackend } from "..";
import {
  changeEmail,
  changePassword,
  clearSession,
  confirmEmailChange,
  confirmPassword,
  resetPassword,
  sendPasswordReset,
} from "./account-changes";
import { bearerCaller, sessionCaller } from "./caller";
import { createToken, signIn, signOut, signUp } from "./sign-in";

/**
 * Supabase Auth: sign-up, sign-in, passwords and addresses delegated to it through supabase-js,
 * sessions kept in @supabase/ssr cookies, access tokens verified locally. Typed as the contract,
 * so a missing or mistyped piece fails to compile rather than at the first request needing it.
 */
export const supabaseBackend: AuthBackend = {
  bearerCaller,
  sessionCaller,
  signUp,
  signIn,
  createToken,
  signOut,
  confirmPassword,
  changePassword,
  changeEmail,
  confirmEmailChange,
  sendPasswordReset,
  resetPassword,
  clearSession,
};
