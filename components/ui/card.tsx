import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A bordered panel grouping one thing's content: header, content, footer. */
export function Card({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      {...props}
      className={cn(
        "rounded-lg border border-zinc-200 bg-white text-zinc-900 shadow-xs dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
        className,
      )}
    />
  );
}

export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cn("grid gap-1 p-4 sm:p-6", className)} />;
}

/** The card's heading; an h2 unless the page's outline asks for another level (`as`). */
export function CardTitle({ as: Heading = "h2", className, ...props }: ComponentProps<"h2"> & { as?: "h2" | "h3" }) {
  return <Heading {...props} className={cn("text-base font-semibold", className)} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p {...props} className={cn("text-sm text-zinc-600 dark:text-zinc-400", className)} />;
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cn("px-4 pb-4 sm:px-6 sm:pb-6", className)} />;
}

export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      {...props}
      className={cn(
        "flex items-center gap-2 border-t border-zinc-200 px-4 py-3 sm:px-6 dark:border-zinc-800",
        className,
      )}
    />
  );
}
