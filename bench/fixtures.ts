import { createOwnerThroughApi } from "./api";
import type { Plan } from "./plan";
import { createOwners } from "./seed";
import type { Target } from "./targets/target";

export interface Fixtures {
  /** The owner signed up through the API: their bot takes the chat rows, their API key reads its inbox. */
  owner: { chatbotId: string; apiKey: string };
  /** Bots of other owners, one each, for traffic spread over many owners. */
  otherOwnersBots: string[];
  /** The bot of one more owner, whose turns only the memory scenario sends. */
  memoryBot: string;
}

export async function createFixtures(target: Target, plan: Plan): Promise<Fixtures> {
  const bots = await target.withDatabase((db) => createOwners(db, plan.owners.count + 1));
  const owner = await createOwnerThroughApi(target.server.baseUrl);
  return { owner, otherOwnersBots: bots.slice(0, plan.owners.count), memoryBot: bots[plan.owners.count] };
}
