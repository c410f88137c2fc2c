import "server-only";
import type { Queryable } from "@/lib/db";

export type AccountTokenPurpose = "password_reset" | "email_change";

/** Stores a link's token hash; the user's earlier links of the same purpose stop working. */
export async function insertAccountToken(
  tx: Queryable,
  token: { hash: string; userId: string; purpose: AccountTokenPurpose; newEmail?: string; ttlSeconds: number },
): Promise<void> {
  await tx.query("delete from private.account_tokens where user_id = $1 and (purpose = $2 or expires_at < now())", [
    token.userId,
    token.purpose,
  ]);
  await tx.query(
    `insert into private.account_tokens (token_hash, user_id, purpose, new_email, expires_at)
     values ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
    [token.hash, token.userId, token.purpose, token.newEmail ?? null, token.ttlSeconds],
  );
}

/**
 * Uses a link: deletes its row and answers whom it was for, or null when it is unknown, used
 * already or expired. One statement, so two clicks at once cannot both use it.
 */
export async function consumeAccountToken(
  tx: Queryable,
  { hash, purpose }: { hash: string; purpose: AccountTokenPurpose },
): Promise<{ user_id: string; new_email: string | null } | null> {
  const rows = await tx.query<{ user_id: string; new_email: string | null; live: boolean }>(
    `delete from private.account_tokens where token_hash = $1 and purpose = $2
     returning user_id, new_email, expires_at > now() as live`,
    [hash, purpose],
  );
  const row = rows[0];
  return row?.live ? { user_id: row.user_id, new_email: row.new_email } : null;
}

/** Every pending link of the user for this purpose stops working (an address change ends the resets). */
export async function deleteAccountTokens(
  tx: Queryable,
  { userId, purpose }: { userId: string; purpose: AccountTokenPurpose },
): Promise<void> {
  await tx.query("delete from private.account_tokens where user_id = $1 and purpose = $2", [userId, purpose]);
}
