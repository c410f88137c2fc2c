import { describe, expect, it } from "vitest";
import { mergeSimilarQuestions, type WordedGroup } from "@/lib/questions/grouping";

const group = (
  question: string,
  terms: string[],
  times = 1,
  lastAskedAt = "2026-11-28T10:00:00.000Z",
): WordedGroup => ({
  question,
  terms,
  times,
  lastAskedAt,
});

const questionsOf = (groups: ReturnType<typeof mergeSimilarQuestions>) =>
  groups.map(({ members }) => members.map((member) => member.question));

describe("grouping questions asked in other words", () => {
  it("joins questions whose terms overlap by half, the most asked wording first", () => {
    expect(
      questionsOf(
        mergeSimilarQuestions([
          group("Is she open to moving?", ["move", "open"], 1),
          group("Would she relocate?", ["move"], 3),
          group("Does she keep bees?", ["bee", "keep"], 2),
        ]),
      ),
    ).toEqual([["Would she relocate?", "Is she open to moving?"], ["Does she keep bees?"]]);
  });

  it("compares with each group's leading wording, so a chain of neighbours doesn't drift into one group", () => {
    // b overlaps a by half and joins it; c overlaps b by half but shares nothing with a.
    expect(
      questionsOf(
        mergeSimilarQuestions([group("a", ["remot"], 3), group("b", ["remot", "visa"], 2), group("c", ["visa"], 1)]),
      ),
    ).toEqual([["a", "b"], ["c"]]);
  });

  it("keeps questions without content words apart", () => {
    expect(questionsOf(mergeSimilarQuestions([group("why?", [], 2), group("how?", [], 1)]))).toEqual([
      ["why?"],
      ["how?"],
    ]);
  });
});
