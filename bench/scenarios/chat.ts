import { shortCount } from "../report";
import { chatRequest } from "../requests";
import { fillOwnerMonth } from "./owner-month";
import type { Scenario } from "./scenario";

/**
 * POST /api/chat (offline model) on the API owner's bot, JSON and streamed, at each concurrency,
 * with the owner's month holding each planned number of messages in turn.
 */
export const chatScenario: Scenario = {
  name: "chat",
  async run(context) {
    const { plan, target, fixtures, measure } = context;
    for (const level of plan.messageLevels[target.kind]) {
      await fillOwnerMonth(context, level);
      for (const stream of [false, true]) {
        for (const connections of plan.connections) {
          await measure({
            label: `POST /api/chat ${stream ? "stream" : "JSON"}, month ${shortCount(level)}`,
            request: chatRequest([fixtures.owner.chatbotId], stream),
            connections,
            firstByte: stream,
          });
        }
      }
    }
  },
};
