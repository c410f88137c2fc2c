// The bench's tables: aligned text for the terminal, Markdown for bench/results/ and docs/performance.md.

/** One line of a target's table; a memory reading has only rssMb. */
export interface Row {
  label: string;
  connections?: number;
  requests?: number;
  requestsPerSecond?: number;
  p50?: number;
  p95?: number;
  firstByteP50?: number;
  /** CPU of the server's process tree per request, ms. */
  serverCpuMs?: number;
  /** CPU of the database's backends per request, ms (PostgreSQL only: PGlite is inside the server). */
  databaseCpuMs?: number;
  /** Resident memory of the server's process tree after the row. */
  rssMb?: number;
  /** GET /api/health: the rows at the same concurrency are compared with it. */
  baseline?: boolean;
  /** Why the row's figures don't count (a non-2xx answer, an error); set means the run fails. */
  failure?: string;
  /** Caveats worth printing under the table. */
  notes?: string[];
}

export interface TargetReport {
  name: string;
  version: string;
  rows: Row[];
}

const HEADER = [
  "row",
  "conns",
  "requests",
  "req/s",
  "p50 ms",
  "p95 ms",
  "1st byte p50 ms",
  "app CPU ms/req",
  "db CPU ms/req",
  "CPU ×health",
  "p50 ×health",
  "RSS MB",
];
const NUMERIC_FROM = 1; // every column after the label is right-aligned

const fixed = (digits: number) => (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "" : value.toFixed(digits);
const rate = (value: number | undefined) => fixed(value !== undefined && value >= 100 ? 0 : 1)(value);
const ratio = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? "" : `×${value.toFixed(1)}`;
const totalCpu = (row: Row) => (row.serverCpuMs === undefined ? undefined : row.serverCpuMs + (row.databaseCpuMs ?? 0));

function cells(row: Row, rows: Row[]): string[] {
  const baseline = rows.find((other) => other.baseline && other.connections === row.connections);
  const compared = baseline && !row.baseline && row.requests !== undefined;
  const rowCpu = totalCpu(row);
  const baselineCpu = baseline ? totalCpu(baseline) : undefined;
  return [
    row.failure ? `✗ ${row.label}` : row.label,
    row.connections?.toString() ?? "",
    row.requests?.toString() ?? "",
    rate(row.requestsPerSecond),
    fixed(1)(row.p50),
    fixed(1)(row.p95),
    fixed(1)(row.firstByteP50),
    fixed(2)(row.serverCpuMs),
    fixed(2)(row.databaseCpuMs),
    ratio(compared && rowCpu !== undefined && baselineCpu ? rowCpu / baselineCpu : undefined),
    ratio(compared && row.p50 !== undefined && baseline?.p50 ? row.p50 / baseline.p50 : undefined),
    fixed(0)(row.rssMb),
  ];
}

function footnotes(report: TargetReport): string[] {
  return report.rows.flatMap((row) => [
    ...(row.failure ? [`✗ ${row.label}${row.connections ? ` (${row.connections} conns)` : ""}: ${row.failure}`] : []),
    ...(row.notes ?? []).map((note) => `${row.label}: ${note}`),
  ]);
}

export function textTable(report: TargetReport): string {
  const lines = [HEADER, ...report.rows.map((row) => cells(row, report.rows))];
  const widths = HEADER.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const format = (line: string[]) =>
    line
      .map((cell, column) => (column >= NUMERIC_FROM ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join("  ");
  return [
    `${report.name}: ${report.version}`,
    format(HEADER),
    widths.map((width) => "-".repeat(width)).join("  "),
    ...lines.slice(1).map(format),
    ...footnotes(report),
  ].join("\n");
}

export function markdownTable(report: TargetReport): string {
  const line = (values: string[]) => `| ${values.join(" | ")} |`;
  const notes = footnotes(report);
  return [
    `### ${report.name}`,
    "",
    report.version,
    "",
    line(HEADER),
    line(HEADER.map((_, column) => (column >= NUMERIC_FROM ? "---:" : "---"))),
    ...report.rows.map((row) => line(cells(row, report.rows))),
    ...(notes.length > 0 ? ["", ...notes.map((note) => `- ${note}`)] : []),
  ].join("\n");
}

/** 1000000 -> "1M", 100000 -> "100k". */
export function shortCount(count: number): string {
  if (count >= 1_000_000 && count % 1_000_000 === 0) return `${count / 1_000_000}M`;
  if (count >= 1_000 && count % 1_000 === 0) return `${count / 1_000}k`;
  return String(count);
}
