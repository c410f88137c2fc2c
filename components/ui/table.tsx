import type { ComponentProps } from "react";
import { cn } from "./cn";
import { styled } from "./styled";

// A data table of plain HTML elements, so screen readers announce rows, columns and headers.
// On narrow screens the table scrolls sideways inside its own box, never the page; a table that
// can overflow should hold something focusable (a link per row) so keyboards can scroll it too,
// or, when its rows have nothing to focus, a `scrollLabel`: the box itself is then focusable and
// named.

export function Table({ className, scrollLabel, ...props }: ComponentProps<"table"> & { scrollLabel?: string }) {
  return (
    <div
      className="w-full overflow-x-auto"
      {...(scrollLabel ? { role: "region", "aria-label": scrollLabel, tabIndex: 0 } : {})}
    >
      <table {...props} className={cn("w-full caption-bottom border-collapse text-left text-sm", className)} />
    </div>
  );
}

export const TableCaption = styled("caption", "mt-3 text-sm text-zinc-600 dark:text-zinc-400");

export const TableHeader = styled("thead", "border-b border-zinc-200 dark:border-zinc-800");

export const TableBody = styled("tbody", "divide-y divide-zinc-200 dark:divide-zinc-800");

export const TableRow = styled("tr", "hover:bg-zinc-50 dark:hover:bg-zinc-900/60");

/** A column header (scope="col" unless told otherwise). */
export function TableHead({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      {...props}
      className={cn("h-10 px-3 align-middle font-medium whitespace-nowrap text-zinc-600 dark:text-zinc-400", className)}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td {...props} className={cn("px-3 py-3 align-middle", className)} />;
}
