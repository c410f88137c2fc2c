import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { QuotaBanner } from "@/components/dashboard/quota-banner";
import { requireUser } from "@/lib/auth/server";
import { showDashboardShell } from "@/lib/dashboard/use-cases";

// Everything under /dashboard is the owner's: a signed-out visitor goes to /login and comes back.
// The navigation's unread count and the quota banner come from one use case (showDashboardShell).
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/dashboard");
  const { unread, usage } = await showDashboardShell(user);
  return (
    <DashboardShell email={user.email} counts={{ inbox: unread }}>
      <QuotaBanner usage={usage} />
      {children}
    </DashboardShell>
  );
}
