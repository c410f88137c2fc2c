import { chatRequest } from "../requests";
import type { Scenario } from "./scenario";

/** The same chat traffic on one owner's bot, then spread over many owners' bots (turns start under a per-owner lock). */
export const ownersScenario: Scenario = {
  name: "owners",
  async run({ plan, fixtures, measure }) {
    const bots = fixtures.otherOwnersBots;
    await measure({
      label: "POST /api/chat JSON, 1 owner's bot",
      request: chatRequest(bots.slice(0, 1), false),
      connections: plan.owners.connections,
    });
    await measure({
      label: `POST /api/chat JSON, ${bots.length} owners' bots`,
      request: chatRequest(bots, false),
      connections: plan.owners.connections,
    });
  },
};
