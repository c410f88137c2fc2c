// One row of the table: size the load, read the CPU clocks, run it, read them again.
import { cpuBetween, processTree, sampleCpu, treeResidentMb } from "./cpu";
import { type LoadRequest, type LoadResult, percentile, runLoad } from "./load";
import type { Plan } from "./plan";
import type { Row } from "./report";
import type { Target } from "./targets/target";

export interface RowSpec {
  label: string;
  request: LoadRequest;
  connections: number;
  /** Time each response's first body byte (streamed answers). */
  firstByte?: boolean;
  /** GET /api/health, which the other rows at the same concurrency are compared with. */
  baseline?: boolean;
  /**
   * Exactly this many requests, with no warm-up (the memory scenario counts turns from a fresh
   * start). Otherwise the row is warmed up, then sized to last about plan.rowSeconds.
   */
  amount?: number;
}

// Each row first warms its own path for a few seconds (a fresh server spends several times more
// CPU per request until V8 has optimized it) and learns how fast it goes, so the measured run can
// be given a number of requests that lasts about the planned time even when the app is slow
// (autocannon then waits for every answer: nothing is left running on the server to blur the
// next row). Warm-up runs grow from a few requests, so a slow row doesn't overshoot by much.
const WARM_UP_FIRST_REQUESTS = 10;
const WARM_UP_GROWTH = 4;
/** Every connection sends at least this many, so a slow row still sees its clients queue up. */
const MIN_REQUESTS_PER_CONNECTION = 2;

function describeFailure(runs: LoadResult[]): string | undefined {
  const refused = new Map<number, number>();
  let errors = 0;
  let timeouts = 0;
  for (const run of runs) {
    for (const [status, count] of run.statuses) {
      if (status < 200 || status > 299) refused.set(status, (refused.get(status) ?? 0) + count);
    }
    errors += run.errors - run.timeouts;
    timeouts += run.timeouts;
  }
  const problems = [
    ...[...refused].map(([status, count]) => `${count} × ${status}`),
    ...(timeouts > 0 ? [`${timeouts} timed out`] : []),
    ...(errors > 0 ? [`${errors} connection errors`] : []),
  ];
  if (problems.length === 0) return undefined;
  const first = runs.map((run) => run.firstRefusal).find((refusal) => refusal !== null);
  return `${problems.join(", ")}${first ? `; first: ${first}` : ""}`;
}

export async function measureRow(target: Target, spec: RowSpec, plan: Plan): Promise<Row> {
  const { baseUrl, pid } = target.server;
  const { connections } = spec;
  const load = (amount: number) =>
    runLoad({ baseUrl, request: spec.request, connections, amount, firstByte: spec.firstByte });

  const runs: LoadResult[] = [];
  let amount = spec.amount;
  if (amount === undefined) {
    let warmAmount = Math.max(WARM_UP_FIRST_REQUESTS, connections);
    let warmSeconds = 0;
    let perSecond = 0;
    for (;;) {
      const warmUp = await load(warmAmount);
      runs.push(warmUp);
      warmSeconds += warmUp.seconds;
      perSecond = warmUp.responses / Math.max(warmUp.seconds, 0.001);
      const remaining = plan.warmUpSeconds - warmSeconds;
      // A failing row is reported as failed; warming it further could spin on a dead server.
      if (remaining <= 0 || warmUp.errors > 0 || warmUp.latencies.length < warmUp.responses) break;
      warmAmount = Math.max(connections, Math.min(warmAmount * WARM_UP_GROWTH, Math.round(perSecond * remaining)));
    }
    amount = Math.max(connections * MIN_REQUESTS_PER_CONNECTION, Math.round(perSecond * plan.rowSeconds));
  }

  const serverBefore = sampleCpu(processTree(pid));
  const databaseBefore = sampleCpu(await target.databasePids());
  const measured = await load(amount);
  const serverCpu = cpuBetween(serverBefore, sampleCpu(processTree(pid)));
  const databaseCpu = cpuBetween(databaseBefore, sampleCpu(await target.databasePids()));
  runs.push(measured);

  const requests = measured.responses;
  const perRequest = (ms: number) => (requests > 0 ? ms / requests : undefined);
  const notes =
    databaseCpu.vanished > 0
      ? [`${databaseCpu.vanished} database backends ended during the row; their CPU is missing`]
      : [];
  return {
    label: spec.label,
    connections,
    requests,
    requestsPerSecond: requests > 0 ? requests / measured.seconds : undefined,
    p50: percentile(measured.latencies, 50),
    p95: percentile(measured.latencies, 95),
    firstByteP50: spec.firstByte ? percentile(measured.firstBytes, 50) : undefined,
    serverCpuMs: perRequest(serverCpu.ms),
    databaseCpuMs: target.kind === "postgres" ? perRequest(databaseCpu.ms) : undefined,
    rssMb: treeResidentMb(pid),
    baseline: spec.baseline,
    failure: describeFailure(runs),
    notes: notes.length > 0 ? notes : undefined,
  };
}
