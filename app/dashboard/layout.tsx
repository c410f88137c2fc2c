import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { QuotaBanner } from "@/components/dashboard/quota-banner";
import { requireUser } from "@/lib/auth/server";
import { asOwner } from "@/lib/db";
import { countUnread } from "@/lib/db/queries/inbox";
import { quotaUsage } from "@/lib/db/queries/usage";

// Everything under /dashboard is the owner's: a signed-out visitor goes to /login and comes back.
// The unread count (navigation; a sum over the per-day rollup, a few rows per bot) and the quota
// (banner at 80%) are read in one transaction.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/dashboard");
  const { unread, usage } = await asOwner(user.claims, async (tx) => ({
    unread: await countUnread(tx),
    usage: await quotaUsage(tx, { ownerId: user.userId }),
  }));
  return (
    <DashboardShell email={user.email} counts={{ inbox: unread }}>
      <QuotaBanner usage={usage} />
      {children}
    </DashboardShell>
  );
}
