import Link from "next/link";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/toast";
import { AccountMenu } from "./account-menu";
import { DashboardNav } from "./dashboard-nav";
import { MobileNav } from "./mobile-nav";
import type { NavCounts } from "./nav-items";

interface DashboardShellProps {
  email: string;
  /** Counts beside navigation items (the inbox's unread messages). */
  counts?: NavCounts;
  children: ReactNode;
}

function HomeLink() {
  return (
    <Link href="/dashboard" className="rounded-md px-1 text-base font-semibold tracking-tight">
      Chatfolio
    </Link>
  );
}

/**
 * The frame of every dashboard page: from `md` (768 px) up, a sidebar with the navigation and the
 * account menu; below it, a top bar whose menu button opens the same navigation as a drawer.
 * `isolate` keeps the page's own stacking apart from Base UI's popups, portalled after it.
 */
export function DashboardShell({ email, counts, children }: DashboardShellProps) {
  return (
    <div className="isolate flex min-h-dvh flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-zinc-900 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 dark:bg-zinc-900 dark:text-zinc-100"
      >
        Skip to content
      </a>
      <aside className="hidden border-zinc-200 bg-zinc-50 md:sticky md:top-0 md:flex md:h-dvh md:w-60 md:shrink-0 md:flex-col md:border-r dark:border-zinc-800 dark:bg-zinc-900/50">
        <div className="px-4 pt-5 pb-2">
          <HomeLink />
        </div>
        {/* Padding on every side: the focus ring is drawn outside each link and would be clipped. */}
        <div className="flex-1 overflow-y-auto p-3">
          <DashboardNav counts={counts} />
        </div>
        <div className="border-t border-zinc-200 p-3 dark:border-zinc-800">
          <AccountMenu email={email} />
        </div>
      </aside>
      <header className="sticky top-0 z-10 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white px-2 md:hidden dark:border-zinc-800 dark:bg-zinc-950">
        <MobileNav counts={counts} />
        <HomeLink />
        <div className="ml-auto">
          <AccountMenu email={email} compact />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl min-w-0 flex-1 px-4 py-6 sm:px-6 md:px-10 md:py-10">
        {children}
      </main>
      <Toaster />
    </div>
  );
}
