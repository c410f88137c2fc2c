import { describe, expect, it } from "vitest";
import { foldForWordMatch } from "@/lib/chat/blocked-word-folding";

describe("foldForWordMatch", () => {
  it.each([
    ["ca\u200dsino", "casino"], // zero-width joiner
    ["ca\u200bsino", "casino"], // zero-width space
    ["ca\u00adsino", "casino"], // soft hyphen
    ["x\u2060xx", "xxx"], // word joiner
    ["ca\u034fsino", "casino"], // combining grapheme joiner: not Cf, but as invisible
    ["\u0441\u0430sino", "casino"], // Cyrillic с and а
    ["\uff43\uff41\uff53\uff49\uff4e\uff4f", "casino"], // fullwidth
    ["cafe\u0301", "café"], // a combining accent composes
    ["caf\u0435\u0301", "café"], // a Cyrillic е with a combining accent, after folding
    ["\u0445\u0445\u0445", "xxx"], // wholly Cyrillic look-alikes
  ])("folds %j to %j", (message, folded) => {
    expect(foldForWordMatch(message)).toBe(folded);
  });

  it("keeps plain ASCII, accents and case as written", () => {
    // The confusables table maps "l" to "I" and "m" to "rn"; plain ASCII is the look-alikes' target.
    expect(foldForWordMatch("Hello, small World 101!")).toBe("Hello, small World 101!");
    expect(foldForWordMatch("café crème, Straße, böse")).toBe("café crème, Straße, böse");
  });
});
