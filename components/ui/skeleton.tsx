import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A grey block standing in for content that is loading; size it with className. Hidden from
 * screen readers: the loading region around it says "Loading" once (role="status").
 */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden
      {...props}
      className={cn("animate-pulse rounded-md bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800", className)}
    />
  );
}
