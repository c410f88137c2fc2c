import "server-only";
import {
  changeEmailAction,
  changePasswordAction,
  confirmEmailAction,
  confirmPasswordAction,
  createApiKeyAction,
  deleteAccountAction,
  forgotPasswordAction,
  resetPasswordAction,
  revokeApiKeyAction,
  signOutEverywhereAction,
} from "@/lib/account/actions";
import { signInAction, signOutAction, signUpAction } from "@/lib/auth/actions";
import type { RegisteredAction } from "@/lib/http/action";

/**
 * Every server action of the app, each built with action(). A new action is added here, or
 * tests/integration/server-actions.test.ts fails (it finds every export of every "use server"
 * module and looks it up in this list).
 */
export const serverActions: readonly RegisteredAction[] = [
  signInAction,
  signUpAction,
  signOutAction,
  createApiKeyAction,
  revokeApiKeyAction,
  confirmPasswordAction,
  changePasswordAction,
  changeEmailAction,
  signOutEverywhereAction,
  deleteAccountAction,
  forgotPasswordAction,
  resetPasswordAction,
  confirmEmailAction,
];
