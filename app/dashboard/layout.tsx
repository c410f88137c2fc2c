import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { requireUser } from "@/lib/auth/server";
import { asOwner } from "@/lib/db";
import { countUnread } from "@/lib/db/queries/inbox";

// Everything under /dashboard is the owner's: a signed-out visitor goes to /login and comes back.
// The inbox's unread count is a sum over the per-day rollup (a few rows per bot), cheap on every page.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/dashboard");
  const unread = await asOwner(user.claims, countUnread);
  return (
    <DashboardShell email={user.email} counts={{ inbox: unread }}>
      {children}
    </DashboardShell>
  );
}
