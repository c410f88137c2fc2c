import "server-only";
import { asService } from "@/lib/db";
import { chatbotScopedTables, deleteAccountBatch, deleteUser } from "@/lib/db/queries/account";
import { ACCOUNT_BATCH_ROWS } from "@/lib/limits";
import type { AuthContext, Caller } from ".";
import { loadAuthBackend } from "./backend";

// Account management (password, email, reset, deletion), whichever backend holds the account.

/** Gives the password again: the session may then mint API keys for a few minutes. */
export async function confirmPassword(caller: Caller, password: string, context: AuthContext): Promise<void> {
  return (await loadAuthBackend()).confirmPassword(caller, password, context);
}

/** Changes the password after the current one is given; every other session ends. */
export async function changePassword(
  caller: Caller,
  input: { current_password: string; new_password: string },
  context: AuthContext,
): Promise<void> {
  return (await loadAuthBackend()).changePassword(caller, input, context);
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
  return (await loadAuthBackend()).changeEmail(caller, input, context);
}

/** Follows an emailed confirmation of a new address (built-in backend; Supabase confirms itself). */
export async function confirmEmailChange(token: string): Promise<void> {
  return (await loadAuthBackend()).confirmEmailChange(token);
}

/**
 * Sends a reset link to the address if it has an account, and nothing otherwise. Meant to run
 * after the response (next/server's after()), so its timing tells the requester nothing.
 */
export async function sendPasswordReset(email: string): Promise<void> {
  return (await loadAuthBackend()).sendPasswordReset(email);
}

/** Sets a new password from a reset link (single use) and signs the browser in. */
export async function resetPassword(input: { token: string; password: string }, context: AuthContext): Promise<void> {
  return (await loadAuthBackend()).resetPassword(input, context);
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
  await (await loadAuthBackend()).clearSession(context);
}
