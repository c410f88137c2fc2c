import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/**
 * One chart of the analytics page in its card: a title, what it shows, the chart in a labelled
 * figure and, when given, the same figures as a table behind "Show as a table" (for screen
 * readers and for reading exact numbers).
 */
export function ChartCard({
  title,
  description,
  figureLabel,
  chart,
  table,
}: {
  title: ReactNode;
  description: ReactNode;
  figureLabel: string;
  chart: ReactNode;
  table?: ReactNode;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <figure aria-label={figureLabel}>{chart}</figure>
        {table ? (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer">Show as a table</summary>
            {table}
          </details>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** One headline figure of the analytics page: its label, value and what it is of. */
export function Stat({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Card>
      <CardHeader>
        <CardDescription>{label}</CardDescription>
        <p className="text-2xl font-semibold tabular-nums">{value}</p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p>
      </CardHeader>
    </Card>
  );
}
