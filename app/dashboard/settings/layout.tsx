import type { ReactNode } from "react";
import { PageHeader } from "@/components/dashboard/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your account, the keys integrations use to act as you, and the webhooks that tell your tools what happens."
      />
      <SettingsNav />
      <div className="grid gap-6">{children}</div>
    </>
  );
}
