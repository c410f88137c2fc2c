import { healthRequest } from "../requests";
import type { Scenario } from "./scenario";

/** GET /api/health at each concurrency: the same-run baseline every other row is compared with. */
export const healthScenario: Scenario = {
  name: "health",
  async run({ plan, measure }) {
    for (const connections of plan.connections) {
      await measure({ label: "GET /api/health", request: healthRequest, connections, baseline: true });
    }
  },
};
