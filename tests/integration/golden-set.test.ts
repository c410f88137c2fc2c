import { beforeAll, expect, it } from "vitest";
import { VOICES } from "@/lib/constants";
import { describeEachDatabase } from "../support/databases";
import { ANSWERED_FLOOR, missLines, runGoldenSet, type Scored, totalLines, totals } from "../support/golden-harness";
import { GOLDEN_OWNERS } from "../support/golden-set";

// The offline model against its golden set, through the real turn path (tests/support/golden-harness.ts):
// owners, profiles, knowledge and bots made through the API, every question asked through the chat
// route (JSON), so the database's retrieval inside start_turn picks the knowledge the model sees, as
// in production. Each owner has a bot in each voice, and each voice keeps the floors on its own.

describeEachDatabase("offline model golden set", (db, target) => {
  let scored: Scored[] = [];

  beforeAll(async () => {
    scored = await runGoldenSet(db(), GOLDEN_OWNERS, VOICES);
  });

  it.each(VOICES)(
    "keeps its floors in the %s voice: answers correctly, admits what it doesn't know, states nothing the owner didn't write",
    (voice) => {
      const inVoice = scored.filter((entry) => entry.voice === voice);
      const sum = totals(inVoice);
      const violations = inVoice.filter((entry) => entry.ungrounded.length > 0);

      // GOLDEN_ALL=1 lists every answer, not only the wrong ones: for reading how the answers sound.
      console.log(
        [
          `Golden set [${target}, ${voice}]: ${inVoice.length} questions over ${GOLDEN_OWNERS.length} owners`,
          ...missLines(inVoice),
          ...totalLines(sum),
        ].join("\n"),
      );

      expect(inVoice.length).toBeGreaterThanOrEqual(40);
      expect(sum.correct / sum.answerable).toBeGreaterThanOrEqual(ANSWERED_FLOOR);
      expect(sum.honest).toBe(sum.unanswerable);
      expect(violations.map((entry) => `${entry.question.ask} -> ${entry.answer}`)).toEqual([]);
    },
  );
});
