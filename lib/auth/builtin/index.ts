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
 * The built-in backend: users in auth.users with scrypt hashes, sessions in private.sessions named
 * by signed cookies and access tokens. Typed as the contract, so a missing or mistyped piece fails
 * to compile rather than at the first request that needs it.
 */
export const builtinBackend: AuthBackend = {
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
