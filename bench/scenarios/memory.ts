import { treeResidentMb } from "../cpu";
import { chatRequest } from "../requests";
import type { Scenario } from "./scenario";

/** Settling time after start, so "idle" is the server at rest rather than still loading. */
const IDLE_AFTER_START_MS = 3_000;

/** The server's resident memory on a fresh start, then after so many chat turns (JSON, a bot of its own). */
export const memoryScenario: Scenario = {
  name: "memory",
  async run({ target, plan, fixtures, measure, record, log }) {
    log("restarting the server for an idle reading");
    await target.restartServer();
    await new Promise((resolve) => setTimeout(resolve, IDLE_AFTER_START_MS));
    record({ label: "server idle, fresh start", rssMb: treeResidentMb(target.server.pid) });
    let served = 0;
    for (const turns of plan.memoryTurns) {
      await measure({
        label: `POST /api/chat JSON, turns ${(served + 1).toLocaleString("en")}–${turns.toLocaleString("en")}`,
        request: chatRequest([fixtures.memoryBot], false),
        connections: plan.memoryConnections,
        amount: turns - served,
      });
      served = turns;
    }
  },
};
