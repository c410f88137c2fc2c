import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard/dashboard-shell";
import { requireUser } from "@/lib/auth/server";

// Everything under /dashboard is the owner's: a signed-out visitor goes to /login and comes back.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/dashboard");
  return <DashboardShell email={user.email}>{children}</DashboardShell>;
}
