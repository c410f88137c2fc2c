"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { currentState, NAV_ITEMS, type NavCounts } from "./nav-items";

interface DashboardNavProps {
  counts?: NavCounts;
  /** Called when a link is followed (the phone drawer closes itself). */
  onNavigate?: () => void;
}

/**
 * The dashboard's sections. A client component because the layout that holds it stays mounted
 * across navigations: only the current path (usePathname) can say which page is current now.
 */
export function DashboardNav({ counts = {}, onNavigate }: DashboardNavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard">
      <ul className="grid gap-0.5">
        {NAV_ITEMS.map((item) => {
          const current = currentState(item, pathname);
          const count = counts[item.key] ?? 0;
          return (
            <li key={item.key}>
              <Link
                href={item.href}
                aria-current={current}
                onClick={onNavigate}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-200/60 hover:text-zinc-900",
                  "dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
                  current && "bg-white text-indigo-700 shadow-xs ring-1 ring-zinc-200 hover:bg-white",
                  current && "dark:bg-zinc-800 dark:text-white dark:ring-zinc-700 dark:hover:bg-zinc-800",
                )}
              >
                <item.icon aria-hidden className="size-4 shrink-0" />
                <span className="flex-1 truncate">{item.label}</span>
                {count > 0 ? (
                  <Badge tone="accent">
                    {count}
                    {item.countLabel ? <span className="sr-only"> {item.countLabel}</span> : null}
                  </Badge>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
