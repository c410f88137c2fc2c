// npm run bench – the production server (`npm start`: scripts/serve.mjs, after `next build`) under
// load from autocannon, on the embedded database and, when DATABASE_URL names a PostgreSQL server,
// on a database the bench creates there and drops at the end.
//
// Every row gives requests per second, p50/p95 latency and, read from /proc rather than from the
// app, the CPU the server's process tree (and on PostgreSQL the bench database's backends) spent
// per request. Client and server share the machine, so req/s moves with whatever else runs; CPU
// per request, and each row's ratio to GET /api/health measured at the same concurrency in the
// same run, hold steadier. A row fails (marked ✗, and the bench exits 1) when any of its requests
// got anything but a 2xx, so no figure is the cost of a refusal: the server runs with a monthly
// quota no row reaches, the bots allow the most messages a bot may, and every chat request comes
// from a new visitor.
//
//   BENCH_QUICK=1       a short subset for development (bench/plan.ts)
//   BENCH_SKIP_BUILD=1  reuse .next instead of running `next build`
//   DATABASE_URL        also run on PostgreSQL (postgres://postgres@127.0.0.1:5432/postgres here)
//   BENCH_ONLY          scenario names to run, comma-separated (e.g. dashboard); all when unset
//   BENCH_TARGETS       embedded, postgres or both (comma-separated); both when unset
//
// Output: a table per database in the terminal and bench/results/<date>.md (git-ignored) in
// Markdown for docs/performance.md.
//
// Adding rows: write bench/scenarios/<name>.ts exporting a Scenario ({ name, run(context) }) and
// add it to SCENARIOS below. In run(), call context.measure({ label, request, connections }) once
// per row: it warms the path up, sizes the load to plan.rowSeconds, reads the CPU clocks around it and
// adds the row to the table. Build the request with bench/requests.ts (or a LoadRequest of your
// own: method, path, headers, and a body() called for every request); the owner signed up through
// the API, their bot and an API key are in context.fixtures; fillOwnerMonth() seeds the owner's
// month; context.target.withDatabase(db => ...) runs other SQL (seed there, never through the
// API). Put any count that should shrink under BENCH_QUICK in bench/plan.ts. Scenarios run in
// order on each target, sharing one server; a scenario that throws becomes a failed row and the
// next one still runs.
import fs from "node:fs";
import path from "node:path";
import { buildApp } from "@/scripts/next-server";
import { cleanUp, cleanUpOnSignals } from "./cleanup";
import { createFixtures } from "./fixtures";
import { describeMachine, loadAverage } from "./machine";
import { measureRow } from "./measure";
import { FULL_PLAN, type Plan, QUICK_PLAN } from "./plan";
import { markdownTable, type Row, type TargetReport, textTable } from "./report";
import { chatScenario } from "./scenarios/chat";
import { dashboardScenario } from "./scenarios/dashboard";
import { healthScenario } from "./scenarios/health";
import { inboxScenario } from "./scenarios/inbox";
import { memoryScenario } from "./scenarios/memory";
import { ownersScenario } from "./scenarios/owners";
import type { BenchContext, Scenario } from "./scenarios/scenario";
import { openEmbeddedTarget } from "./targets/embedded";
import { openPostgresTarget } from "./targets/postgres";
import type { Target } from "./targets/target";

// Health first: it is every other row's baseline. Memory last: it restarts the server.
/** How much of the server's log a failed row prints. */
const SERVER_LOG_CHARS = 3_000;

const ALL_SCENARIOS: Scenario[] = [
  healthScenario,
  chatScenario,
  inboxScenario,
  dashboardScenario,
  ownersScenario,
  memoryScenario,
];
const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
const SCENARIOS = only ? ALL_SCENARIOS.filter((scenario) => only.includes(scenario.name)) : ALL_SCENARIOS;

function progressLine(row: Row): string {
  if (row.failure) return `✗ ${row.label}: ${row.failure}`;
  if (row.requests === undefined) return `${row.label}: ${row.rssMb?.toFixed(0)} MB`;
  const cpu = (row.serverCpuMs ?? 0) + (row.databaseCpuMs ?? 0);
  return (
    `${row.label}, ${row.connections} conns: ${row.requests} requests, ${row.requestsPerSecond?.toFixed(1)} req/s, ` +
    `p50 ${row.p50?.toFixed(1)} ms, ${cpu.toFixed(2)} CPU ms/req`
  );
}

async function benchTarget(target: Target, plan: Plan): Promise<TargetReport> {
  const rows: Row[] = [];
  const log = (message: string) => console.log(`[${target.name}] ${message}`);
  log(`${target.version}; creating owners`);
  const fixtures = await createFixtures(target, plan);
  const context: BenchContext = {
    target,
    plan,
    fixtures,
    log,
    record(row) {
      rows.push(row);
      log(progressLine(row));
    },
    async measure(spec) {
      const outputBefore = target.server.output().length;
      const row = await measureRow(target, spec, plan);
      context.record(row);
      // The response body of a 500 says nothing; the server's log says why.
      if (row.failure)
        log(`server output during the row:\n${target.server.output().slice(outputBefore).slice(-SERVER_LOG_CHARS)}`);
      return row;
    },
  };
  for (const scenario of SCENARIOS) {
    try {
      await scenario.run(context);
    } catch (error) {
      context.record({
        label: `${scenario.name} scenario`,
        failure: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { name: target.name, version: target.version, rows };
}

interface RunInfo {
  plan: Plan;
  started: Date;
  loadAtStart: string;
}

function summary({ plan, started, loadAtStart }: RunInfo, done: boolean): string[] {
  const minutes = ((Date.now() - started.getTime()) / 60_000).toFixed(1);
  return [
    `Machine: ${describeMachine()}.`,
    `${plan.quick ? "BENCH_QUICK run" : "Full run"} started ${started.toISOString()}, ` +
      `${done ? `took ${minutes} min` : `unfinished after ${minutes} min`}; ` +
      `load average ${loadAtStart} at the start, ${loadAverage()} ${done ? "at the end" : "now"}.`,
    `Each row: ${plan.warmUpSeconds} s of warm-up on its own path, then requests for about ${plan.rowSeconds} s ` +
      "(at least 2 per connection; the memory rows: a fixed number of turns from a fresh start, no warm-up). " +
      "app CPU: the server's process tree; db CPU: the bench database's PostgreSQL backends; " +
      "×health: the row's CPU per request (app + db) and p50 over GET /api/health's at the same concurrency.",
  ];
}

/** Rewritten after each target, so a run cut short still leaves the tables it finished. */
function writeResults(run: RunInfo, reports: TargetReport[], done: boolean): string {
  const day = run.started.toISOString().slice(0, 10);
  const file = path.join("bench", "results", `${day}${run.plan.quick ? "-quick" : ""}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const markdown = [`## npm run bench, ${day}`, ...summary(run, done), ...reports.map(markdownTable)].join("\n\n");
  fs.writeFileSync(file, `${markdown}\n`);
  return file;
}

async function main(): Promise<boolean> {
  cleanUpOnSignals();
  const run: RunInfo = {
    plan: process.env.BENCH_QUICK === "1" ? QUICK_PLAN : FULL_PLAN,
    started: new Date(),
    loadAtStart: loadAverage(),
  };
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("next build…");
    buildApp();
  }

  const targets = process.env.BENCH_TARGETS?.split(",").map((name) => name.trim()) ?? ["embedded", "postgres"];
  const openers: Array<() => Promise<Target>> = [];
  if (targets.includes("embedded")) openers.push(openEmbeddedTarget);
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl && targets.includes("postgres")) openers.push(() => openPostgresTarget(serverUrl));
  const reports: TargetReport[] = [];
  for (const open of openers) {
    const target = await open();
    try {
      reports.push(await benchTarget(target, run.plan));
    } finally {
      await target.close();
    }
    writeResults(run, reports, false);
  }

  const file = writeResults(run, reports, true);
  console.log(`\n${summary(run, true).join("\n")}\n`);
  for (const report of reports) console.log(`${textTable(report)}\n`);
  console.log(`Written to ${file}`);

  const failed = reports.some((report) => report.rows.some((row) => row.failure));
  if (failed) console.error("\nSome rows failed (✗ above): their figures include refused or failed requests.");
  return !failed;
}

main()
  .then(async (passed) => {
    await cleanUp();
    process.exit(passed ? 0 : 1);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanUp();
    process.exit(1);
  });
