import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

interface EmptyStateProps {
  icon: LucideIcon;
  title: string;
  /** What to do next, not only that there is nothing ("Create a chatbot to start…"). */
  description: ReactNode;
  /** The button or link that does it. */
  action?: ReactNode;
  /** The title's heading level, to fit the page's outline. */
  headingLevel?: 2 | 3;
  className?: string;
}

/** Shown where a list would be when it has nothing yet, pointing at the way to fill it. */
export function EmptyState({ icon: Icon, title, description, action, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-3 rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center text-balance dark:border-zinc-700",
        className,
      )}
    >
      <div className="flex size-10 items-center justify-center rounded-lg bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
        <Icon aria-hidden className="size-5" />
      </div>
      <Heading className="text-base font-semibold">{title}</Heading>
      <div className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">{description}</div>
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
