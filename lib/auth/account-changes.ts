import "server-only";
import { asOwner, asService } from "@/lib/db";
import { chatbotScopedTables, deleteAccountBatch, deleteUser } from "@/lib/db/queries/account";
import { deleteAllApiKeys, deleteUserApiKeys } from "@/lib/db/queries/api-keys";
import { ACCOUNT_BATCH_ROWS } from "@/lib/limits";
import type { AuthContext, Caller } from ".";
import { loadAuthBackend } from "./backend";
import { requireBrowserSession, requireRecentBrowserSession } from "./recent-authentication";

// Account management (password, email, reset, deletion), whichever backend holds the account.
// What takes the account from its owner needs the browser session (403 session_required for any
// Bearer credential), and the API keys are revoked here, the same for both backends.

/** Gives the password again: the session may then mint API keys for a few minutes. */
export async function confirmPassword(caller: Caller, password: string, context: AuthContext): Promise<void> {
  return (await loadAuthBackend()).confirmPassword(caller, password, context);
}

/**
 * Changes the password after the current one is given (the password of this very request, so no
 * earlier sign-in is asked for); every other session ends, and with revoke_api_keys every API key.
 */
export async function changePassword(
  caller: Caller,
  input: { current_password: string; new_password: string; revoke_api_keys: boolean },
  context: AuthContext,
): Promise<void> {
  requireBrowserSession(caller);
  await (await loadAuthBackend()).changePassword(caller, input, context);
  if (input.revoke_api_keys) await asOwner(caller.claims, deleteAllApiKeys);
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
  requireBrowserSession(caller);
  return (await loadAuthBackend()).changeEmail(caller, input, context);
}

/**
 * Follows an emailed confirmation of a new address (built-in backend; Supabase confirms itself).
 * current: whoever the browser following the link is signed in as, whose session may stay.
 */
export async function confirmEmailChange(token: string, current: Caller | null): Promise<void> {
  return (await loadAuthBackend()).confirmEmailChange(token, current);
}

/**
 * Sends a reset link to the address if it has an account, and nothing otherwise. Meant to run
 * after the response (next/server's after()), so its timing tells the requester nothing.
 */
export async function sendPasswordReset(email: string): Promise<void> {
  return (await loadAuthBackend()).sendPasswordReset(email);
}

/**
 * Sets a new password from a reset link (single use) and signs the browser in. Every API key is
 * revoked: a reset usually means someone else knew the password, and could have minted keys.
 */
export async function resetPassword(input: { token: string; password: string }, context: AuthContext): Promise<void> {
  const { userId } = await (await loadAuthBackend()).resetPassword(input, context);
  await asService((tx) => deleteUserApiKeys(tx, userId));
}

/**
 * Deletes the account and everything in it: every chatbot-scoped table (messages, visitors,
 * conversations, rollups...) in batches, each its own short transaction, so a large account stays
 * within statement timeouts; then the user's row, whose foreign keys take the rest with it (on
 * Supabase, the auth.users row, through the server's connection). The browser is signed out.
 * Only from the browser session, with the password given in the last few minutes.
 */
export async function deleteAccount(caller: Caller, context: AuthContext): Promise<void> {
  requireRecentBrowserSession(caller);
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
