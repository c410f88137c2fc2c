import { shortCount } from "../report";
import { seedMonthMessages } from "../seed";
import type { Target } from "../targets/target";
import type { BenchContext } from "./scenario";

/**
 * The level each target's owner month was last filled to. Live turns only add messages, so a
 * level reached once holds; skipping saves the embedded target a server restart.
 */
const filledTo = new WeakMap<Target, number>();

/** Seeds the API owner's current month up to `level` messages (nothing when it already holds them). */
export async function fillOwnerMonth({ target, fixtures, log }: BenchContext, level: number): Promise<void> {
  if (level <= (filledTo.get(target) ?? 0)) return;
  const started = performance.now();
  await target.withDatabase((db) =>
    seedMonthMessages(db, fixtures.owner.chatbotId, level, (done, of) =>
      log(
        `seeding the owner's month to ${shortCount(level)}: ${done.toLocaleString("en")} / ${of.toLocaleString("en")}`,
      ),
    ),
  );
  filledTo.set(target, level);
  log(`seeded to ${shortCount(level)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
