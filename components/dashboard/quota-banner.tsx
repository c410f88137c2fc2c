import type { QuotaUsage } from "@/lib/dashboard/types";

/** The owner's warning at 80% of the monthly quota (and past it), above every dashboard page. */
export function QuotaBanner({ usage }: { usage: QuotaUsage }) {
  if (!usage.alert) return null;
  const spent = usage.used >= usage.limit;
  const percent = Math.min(100, Math.floor((usage.used / usage.limit) * 100));
  return (
    <div
      role="status"
      data-testid="quota-banner"
      className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {spent
        ? `Your bots have used this month's ${usage.limit.toLocaleString("en")} messages: they answer again on the 1st (UTC).`
        : `Your bots have used ${percent}% of this month's ${usage.limit.toLocaleString("en")} messages (${usage.used.toLocaleString("en")}).`}
    </div>
  );
}
