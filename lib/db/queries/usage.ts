import "server-only";
import type { QuotaUsage } from "@/lib/dashboard/types";
import type { Queryable } from "@/lib/db";
import { getEnv } from "@/lib/env";

/** Share of the monthly quota from which the dashboard warns the owner. */
export const QUOTA_ALERT_RATIO = 0.8;

/**
 * As the owner (asOwner) or the server: how much of this month's quota the owner's bots have
 * used, read from the counter start_turn keeps (one row, whatever the traffic).
 */
export async function quotaUsage(tx: Queryable, { ownerId }: { ownerId: string }): Promise<QuotaUsage> {
  const [row] = await tx.query<{ month: string; used: number }>(
    `select to_char(date_trunc('month', now() at time zone 'utc'), 'YYYY-MM-DD') as month,
            coalesce((select u.turns from public.owner_monthly_usage u
                      where u.user_id = $1 and u.month = date_trunc('month', now() at time zone 'utc')::date), 0) as used`,
    [ownerId],
  );
  const limit = getEnv().OWNER_MONTHLY_MESSAGES;
  return { month: row.month, used: row.used, limit, alert: row.used >= limit * QUOTA_ALERT_RATIO };
}
