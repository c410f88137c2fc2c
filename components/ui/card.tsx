import type { ComponentProps } from "react";
import { cn } from "./cn";
import { styled } from "./styled";

/** A bordered panel grouping one thing's content: header, content, footer. */
export const Card = styled(
  "div",
  "rounded-lg border border-zinc-200 bg-white text-zinc-900 shadow-xs dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
);

export const CardHeader = styled("div", "grid gap-1 p-4 sm:p-6");

/** The card's heading; an h2 unless the page's outline asks for another level (`as`). */
export function CardTitle({ as: Heading = "h2", className, ...props }: ComponentProps<"h2"> & { as?: "h2" | "h3" }) {
  return <Heading {...props} className={cn("text-base font-semibold", className)} />;
}

export const CardDescription = styled("p", "text-sm text-zinc-600 dark:text-zinc-400");

export const CardContent = styled("div", "px-4 pb-4 sm:px-6 sm:pb-6");

export const CardFooter = styled(
  "div",
  "flex items-center gap-2 border-t border-zinc-200 px-4 py-3 sm:px-6 dark:border-zinc-800",
);
