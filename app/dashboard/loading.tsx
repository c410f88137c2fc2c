import { Skeleton } from "@/components/ui/skeleton";

// Shown inside the dashboard's frame while a page's data loads; the navigation stays usable.
export default function DashboardLoading() {
  return (
    <div role="status">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-64 max-w-full" />
      <Skeleton className="mt-3 h-4 w-96 max-w-full" />
      <div className="mt-8 grid gap-4 rounded-lg border border-zinc-200 p-4 sm:p-6 dark:border-zinc-800">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
      </div>
    </div>
  );
}
