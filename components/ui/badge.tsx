import type { ComponentProps } from "react";
import { cn } from "./cn";

const tones = {
  neutral: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  accent: "bg-indigo-100 text-indigo-800 dark:bg-indigo-500/20 dark:text-indigo-200",
  success: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/20 dark:text-emerald-200",
  warning: "bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-200",
  danger: "bg-red-100 text-red-800 dark:bg-red-500/20 dark:text-red-200",
} as const;

export type BadgeTone = keyof typeof tones;

/**
 * A short label or count ("Private", "3"). Its colour is never the only signal: the text says it,
 * and a bare number needs words for screen readers beside it (`<span className="sr-only">`).
 */
export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      {...props}
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap tabular-nums",
        tones[tone],
        className,
      )}
    />
  );
}
