import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { asService } from "@/lib/db";
import { chatbotScopedTables, deleteAccountBatch, deleteUser } from "@/lib/db/queries/account";
import { countAttempt } from "@/lib/db/queries/auth-attempts";
import { ApiError } from "@/lib/errors";
import { ACCOUNT_BATCH_ROWS, AUTH_WINDOW_SECONDS, PASSWORD_RESET_LIMIT } from "@/lib/limits";
import { authBackend, type Caller } from ".";
import type { AuthContext } from "./accounts";

// Account management (password, email, reset, deletion), whichever backend holds the account.
// Each backend's module exports the same functions; only the configured one is loaded.

function backend() {
  return authBackend() === "supabase" ? import("./supabase/account") : import("./builtin/account");
}

/** The message for a wrong current password, on the field that holds it. */
export function wrongPassword(field: string): ApiError {
  const message = "Incorrect password.";
  return new ApiError("validation_failed", message, { details: [{ path: field, message }] });
}

/** A random token for an emailed link, and the hash that is stored instead of it. */
export function linkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Gives the password again: the session may then mint API keys for a few minutes. */
export async function confirmPassword(caller: Caller, password: string, context: AuthContext): Promise<void> {
  return (await backend()).confirmPassword(caller, password, context);
}

/** Changes the password after the current one is given; every other session ends. */
export async function changePassword(
  caller: Caller,
  input: { current_password: string; new_password: string },
  context: AuthContext,
): Promise<void> {
  return (await backend()).changePassword(caller, input, context);
}

/**
 * Moves the account to a new address after the password is given. pending: a confirmation link
 * went to the new address, and the change happens when it is followed.
 */
export async function changeEmail(
  caller: Caller,
  input: { email: string; password: string },
  context: AuthContext,
): Promise<{ pending: boolean }> {
  return (await backend()).changeEmail(caller, input, context);
}

/** Follows an emailed confirmation of a new address (built-in backend; Supabase confirms itself). */
export async function confirmEmailChange(token: string): Promise<void> {
  return (await backend()).confirmEmailChange(token);
}

/**
 * Counts a reset request against the email's and the IP's budgets (whether or not the email has an
 * account, so the answer says nothing about that) and refuses it with 429 once either is spent.
 */
export async function limitPasswordResetRequest(email: string, ip: string | null): Promise<void> {
  const subjects = [`password_reset:email:${email}`, ...(ip ? [`password_reset:ip:${ip}`] : [])];
  const counts = await asService(async (tx) => {
    const results = [];
    for (const subject of subjects) {
      const bucket = `${subject.split(":").slice(0, 2).join(":")}:${createHash("sha256").update(subject).digest("hex")}`;
      results.push(await countAttempt(tx, { bucket, windowSeconds: AUTH_WINDOW_SECONDS }));
    }
    return results;
  });
  const spent = counts.filter((count) => count.attempts > PASSWORD_RESET_LIMIT);
  if (spent.length === 0) return;
  const retryAfter = Math.max(1, Math.ceil((Math.max(...spent.map((c) => c.resetAt.getTime())) - Date.now()) / 1000));
  throw new ApiError("rate_limited", "Too many reset requests. Try again later.", {
    headers: { "Retry-After": String(retryAfter) },
  });
}

/**
 * Sends a reset link to the address if it has an account, and nothing otherwise. Meant to run
 * after the response (next/server's after()), so its timing tells the requester nothing.
 */
export async function sendPasswordReset(email: string): Promise<void> {
  return (await backend()).sendPasswordReset(email);
}

/** Sets a new password from a reset link (single use) and signs the browser in. */
export async function resetPassword(input: { token: string; password: string }, context: AuthContext): Promise<void> {
  return (await backend()).resetPassword(input, context);
}

/**
 * Deletes the account and everything in it: every chatbot-scoped table (messages, visitors,
 * conversations, rollups...) in batches, each its own short transaction, so a large account stays
 * within statement timeouts; then the user's row, whose foreign keys take the rest with it (on
 * Supabase, the auth.users row, through the server's connection). The browser is signed out.
 */
export async function deleteAccount(caller: Caller, context: AuthContext): Promise<void> {
  const tables = await asService(chatbotScopedTables);
  for (const table of tables) {
    let deleted: number;
    do {
      deleted = await asService((tx) =>
        deleteAccountBatch(tx, { userId: caller.userId, table, limit: ACCOUNT_BATCH_ROWS }),
      );
    } while (deleted > 0);
  }
  await asService((tx) => deleteUser(tx, caller.userId));
  await (await backend()).clearSession(context);
}
