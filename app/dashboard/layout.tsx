import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { QuotaBanner } from "@/components/dashboard/quota-banner";
import { requireUser } from "@/lib/auth/server";
import { asOwner } from "@/lib/db";
import { quotaUsage } from "@/lib/db/queries/usage";

// Everything under /dashboard is the owner's: a signed-out visitor goes to /login and comes back.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/dashboard");
  const usage = await asOwner(user.claims, (tx) => quotaUsage(tx, { ownerId: user.userId }));
  return (
    <DashboardShell email={user.email}>
      <QuotaBanner usage={usage} />
      {children}
    </DashboardShell>
  );
}
