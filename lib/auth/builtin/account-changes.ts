import "server-only";
import { asService, type Queryable } from "@/lib/db";
import { consumeAccountToken, deleteAccountTokens, insertAccountToken } from "@/lib/db/queries/account-tokens";
import { deleteOtherSessions, deleteUserSessions, markSessionAuthenticated } from "@/lib/db/queries/sessions";
import { findUserByEmail, findUserById, updateEmail, updatePasswordHash } from "@/lib/db/queries/users";
import { emailConfigured, sendEmail, siteLink } from "@/lib/email";
import { ApiError } from "@/lib/errors";
import { EMAIL_CHANGE_TTL_SECONDS, PASSWORD_RESET_TTL_SECONDS } from "@/lib/limits";
import { type AuthContext, type Caller, emailTaken, wrongPassword } from "..";
import { limitAuthAttempt } from "../rate-limit";
import { hashLinkToken, linkToken } from "./link-tokens";
import { hashPassword, verifyPassword } from "./password";
import { clearedSessionCookies } from "./session-cookie";
import { startBrowserSession } from "./sign-in";

/**
 * Checks the signed-in user's password (counted like a sign-in, so a stolen session cannot try
 * passwords endlessly); a wrong one is a field error on `field`.
 */
async function checkPassword(caller: Caller, password: string, field: string, context: AuthContext): Promise<void> {
  await limitAuthAttempt("sign_in", context.ip, caller.email);
  const user = await asService((tx) => findUserById(tx, caller.userId));
  if (!(await verifyPassword(password, user?.encrypted_password))) throw wrongPassword(field);
}

/** Only a session row can remember a confirmation; an API key has none. */
function sessionOf(caller: Caller): string {
  if (!caller.sessionId) {
    throw new ApiError("reauthentication_required", "Sign in with your password: an API key cannot confirm one.");
  }
  return caller.sessionId;
}

export async function confirmPassword(caller: Caller, password: string, context: AuthContext): Promise<void> {
  const sessionId = sessionOf(caller);
  await checkPassword(caller, password, "password", context);
  await asService((tx) => markSessionAuthenticated(tx, sessionId));
}

export async function changePassword(
  caller: Caller,
  input: { current_password: string; new_password: string },
  context: AuthContext,
): Promise<void> {
  await checkPassword(caller, input.current_password, "current_password", context);
  const hash = await hashPassword(input.new_password);
  await asService(async (tx) => {
    await updatePasswordHash(tx, { userId: caller.userId, hash });
    await deleteOtherSessions(tx, { userId: caller.userId, keep: caller.sessionId });
    if (caller.sessionId) await markSessionAuthenticated(tx, caller.sessionId);
  });
}

export async function changeEmail(
  caller: Caller,
  input: { email: string; password: string },
  context: AuthContext,
): Promise<{ pending: boolean }> {
  await checkPassword(caller, input.password, "password", context);
  const taken = await asService((tx) => findUserByEmail(tx, input.email));
  if (taken && taken.id !== caller.userId) throw emailTaken();
  if (!emailConfigured()) {
    // No mail can leave the server, so no link could prove the address: the password is the proof.
    const moved = await asService((tx) =>
      moveAccount(tx, { userId: caller.userId, email: input.email, keepSession: caller.sessionId }),
    );
    if (!moved) throw emailTaken();
    return { pending: false };
  }
  const { token, hash } = linkToken();
  await asService((tx) =>
    insertAccountToken(tx, {
      hash,
      userId: caller.userId,
      purpose: "email_change",
      newEmail: input.email,
      ttlSeconds: EMAIL_CHANGE_TTL_SECONDS,
    }),
  );
  await sendEmail({
    to: input.email,
    subject: "Confirm your new email address for Chatfolio",
    text: `Follow this link to use ${input.email} for your Chatfolio account:\n\n${siteLink("/confirm-email", { token })}\n\nThe link works once, for 24 hours. If you didn't ask for this, ignore this email.`,
  });
  return { pending: true };
}

/**
 * The account's new address, in one transaction with what the old one could still open: reset
 * links mailed there (whoever reads that mailbox now could set the password) and every session
 * but keepSession's. False when the address was taken meanwhile; then nothing changes.
 */
async function moveAccount(
  tx: Queryable,
  { userId, email, keepSession }: { userId: string; email: string; keepSession: string | undefined },
): Promise<boolean> {
  if (!(await updateEmail(tx, { userId, email }))) return false;
  await deleteAccountTokens(tx, { userId, purpose: "password_reset" });
  await deleteOtherSessions(tx, { userId, keep: keepSession });
  return true;
}

export async function confirmEmailChange(token: string, current: Caller | null): Promise<void> {
  const moved = await asService(async (tx) => {
    const used = await consumeAccountToken(tx, { hash: hashLinkToken(token), purpose: "email_change" });
    if (!used?.new_email) return null;
    // The browser following the link stays signed in only if it is this account's own session.
    const keepSession = current?.userId === used.user_id ? current.sessionId : undefined;
    return moveAccount(tx, { userId: used.user_id, email: used.new_email, keepSession });
  });
  if (moved === null) throw new ApiError("not_found", "This link has expired or was used already.");
  if (!moved) throw emailTaken();
}

export async function sendPasswordReset(email: string): Promise<void> {
  const user = await asService((tx) => findUserByEmail(tx, email));
  if (!user) return;
  const { token, hash } = linkToken();
  await asService((tx) =>
    insertAccountToken(tx, {
      hash,
      userId: user.id,
      purpose: "password_reset",
      ttlSeconds: PASSWORD_RESET_TTL_SECONDS,
    }),
  );
  await sendEmail({
    to: user.email,
    subject: "Reset your Chatfolio password",
    text: `Follow this link to choose a new password:\n\n${siteLink("/reset-password", { token })}\n\nThe link works once, for one hour. If you didn't ask for this, ignore this email: your password stays as it is.`,
  });
}

export async function resetPassword(
  input: { token: string; password: string },
  context: AuthContext,
): Promise<{ userId: string }> {
  const hash = await hashPassword(input.password);
  const user = await asService(async (tx) => {
    const used = await consumeAccountToken(tx, { hash: hashLinkToken(input.token), purpose: "password_reset" });
    if (!used) return null;
    await updatePasswordHash(tx, { userId: used.user_id, hash });
    // Whoever knew the old password is signed out everywhere.
    await deleteUserSessions(tx, used.user_id);
    return findUserById(tx, used.user_id);
  });
  if (!user) {
    const message = "This reset link has expired or was used already. Ask for a new one.";
    throw new ApiError("validation_failed", message, { details: [{ path: "token", message }] });
  }
  await startBrowserSession({ id: user.id, email: user.email }, context);
  return { userId: user.id };
}

export async function clearSession(context: AuthContext): Promise<void> {
  context.jar.setAll(clearedSessionCookies(context.secure));
}
