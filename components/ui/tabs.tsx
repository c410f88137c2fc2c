"use client";

import { Tabs as BaseTabs } from "@base-ui/react/tabs";
import { cn } from "./cn";

// Base UI's Tabs: arrow keys move between tabs, each tab controls its panel (aria-controls).
// For sections that are separate pages (their own URL), use links with aria-current instead.

type WithClassName<Props> = Omit<Props, "className"> & { className?: string };

export function Tabs({ className, ...props }: WithClassName<BaseTabs.Root.Props>) {
  return <BaseTabs.Root {...props} className={cn("grid gap-4", className)} />;
}

/**
 * The row of tabs. Arrow keys select as they move (`activateOnFocus`), as the ARIA pattern advises
 * when panels are already rendered; pass `activateOnFocus={false}` for panels that load slowly.
 */
export function TabsList({ className, activateOnFocus = true, ...props }: WithClassName<BaseTabs.List.Props>) {
  return (
    <BaseTabs.List
      {...props}
      activateOnFocus={activateOnFocus}
      className={cn("flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800", className)}
    />
  );
}

export function TabsTab({ className, ...props }: WithClassName<BaseTabs.Tab.Props>) {
  return (
    <BaseTabs.Tab
      {...props}
      className={cn(
        "-mb-px inline-flex items-center gap-2 border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap",
        "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
        "data-active:border-indigo-600 data-active:text-zinc-900 dark:data-active:border-indigo-400 dark:data-active:text-zinc-100",
        "data-disabled:opacity-50 focus-visible:shadow-none! focus-visible:outline-offset-[-2px]! [&_svg]:size-4",
        className,
      )}
    />
  );
}

export function TabsPanel({ className, ...props }: WithClassName<BaseTabs.Panel.Props>) {
  return <BaseTabs.Panel {...props} className={className} />;
}
