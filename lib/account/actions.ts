"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import {
  changeEmail,
  changePassword,
  confirmEmailChange,
  confirmPassword,
  resetPassword,
  sendPasswordReset,
} from "@/lib/auth/account-changes";
import { limitPasswordResetRequest } from "@/lib/auth/rate-limit";
import { authContextFrom, signOut } from "@/lib/auth/sign-in";
import { action } from "@/lib/http/action";
import { afterResponse } from "@/lib/http/after-response";
import { clientIp } from "@/lib/http/request-facts";
import {
  changeEmailSchema,
  changePasswordFormSchema,
  confirmEmailSchema,
  confirmPasswordSchema,
  deleteAccountSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
} from "./schemas";
import { closeAccount } from "./use-cases";

// The account settings and forgotten-password pages' actions.

/** The password, given again: the session may mint API keys for the next few minutes. */
export const confirmPasswordAction = action(
  { name: "account.confirmPassword", auth: "required", schema: confirmPasswordSchema, redact: ["password"] },
  async ({ input, caller, headers, jar }) => {
    await confirmPassword(caller, input.password, authContextFrom(headers, jar));
    return null;
  },
);

export const changePasswordAction = action(
  {
    name: "account.changePassword",
    auth: "required",
    schema: changePasswordFormSchema,
    redact: ["current_password", "new_password"],
  },
  async ({ input, caller, headers, jar }) => {
    await changePassword(caller, input, authContextFrom(headers, jar));
    return null;
  },
);

export const changeEmailAction = action(
  { name: "account.changeEmail", auth: "required", schema: changeEmailSchema, redact: ["password"] },
  async ({ input, caller, headers, jar }) => changeEmail(caller, input, authContextFrom(headers, jar)),
);

/**
 * Signs out every session and token; with revoke_api_keys ("on" from a checkbox), every API key
 * too, which needs a password given in the last few minutes (the form asks for it then).
 */
export const signOutEverywhereAction = action(
  {
    name: "account.signOutEverywhere",
    auth: "required",
    schema: z.object({ revoke_api_keys: z.enum(["on", "true", "false"]).optional() }),
  },
  async ({ input, caller, headers, jar }) => {
    const revoke = input.revoke_api_keys === "on" || input.revoke_api_keys === "true";
    await signOut(caller, authContextFrom(headers, jar), true, revoke);
    redirect("/login");
  },
);

/** Deletes the account and everything in it, once the owner has typed their email. */
export const deleteAccountAction = action(
  { name: "account.delete", auth: "required", schema: deleteAccountSchema },
  async ({ input, caller, headers, jar }) => {
    await closeAccount(caller, input, authContextFrom(headers, jar));
    redirect("/signup?deleted=1");
  },
);

/**
 * Answers the same at once whether or not the address has an account; the lookup and the email
 * happen after the response.
 */
export const forgotPasswordAction = action(
  { name: "auth.forgotPassword", auth: "none", schema: forgotPasswordSchema },
  async ({ input, headers }) => {
    await limitPasswordResetRequest(input.email, clientIp(headers));
    afterResponse(() => sendPasswordReset(input.email));
    return { email: input.email };
  },
);

/** Sets a new password from an emailed link and signs the browser in. */
export const resetPasswordAction = action(
  { name: "auth.resetPassword", auth: "none", schema: resetPasswordSchema, redact: ["password", "token"] },
  async ({ input, headers, jar }) => {
    await resetPassword(input, authContextFrom(headers, jar));
    redirect("/dashboard");
  },
);

/** Follows a new address's confirmation link (a button press, so mail scanners fetching links change nothing). */
export const confirmEmailAction = action(
  { name: "account.confirmEmail", auth: "none", schema: confirmEmailSchema, redact: ["token"] },
  async ({ input, caller }) => {
    await confirmEmailChange(input.token, caller);
    return null;
  },
);
