import { inboxLevel } from "../plan";
import { shortCount } from "../report";
import { inboxRequest } from "../requests";
import { fillOwnerMonth } from "./owner-month";
import type { Scenario } from "./scenario";

/** The owner's message list (first page, newest 50) with an API key, one client, at the largest month. */
export const inboxScenario: Scenario = {
  name: "inbox",
  async run(context) {
    const { plan, target, fixtures, measure } = context;
    const level = inboxLevel(plan, target.kind);
    await fillOwnerMonth(context, level);
    await measure({
      label: `GET /api/chatbots/{id}/messages, month ${shortCount(level)}`,
      request: inboxRequest(fixtures.owner.chatbotId, fixtures.owner.apiKey),
      connections: 1,
    });
  },
};
