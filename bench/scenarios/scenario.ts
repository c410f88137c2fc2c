import type { Fixtures } from "../fixtures";
import type { RowSpec } from "../measure";
import type { Plan } from "../plan";
import type { Row } from "../report";
import type { Target } from "../targets/target";

/** What a scenario works with; run.ts makes one per target. */
export interface BenchContext {
  target: Target;
  plan: Plan;
  fixtures: Fixtures;
  /** Runs a load row (warmed up, sized, CPU read around it) and adds it to the target's table. */
  measure(spec: RowSpec): Promise<Row>;
  /** Adds a row that is not a load, such as a memory reading. */
  record(row: Row): void;
  /** Progress for the terminal. */
  log(message: string): void;
}

/** A group of rows. Scenarios run in run.ts's order, each on every target. */
export interface Scenario {
  name: string;
  run(context: BenchContext): Promise<void>;
}
