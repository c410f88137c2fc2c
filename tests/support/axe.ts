import axe from "axe-core";
import type { Page } from "playwright-core";

// axe-core itself rather than @axe-core/playwright, which needs Node >= 22: its source goes into
// the page as a script and runs there, on the DOM as it is at that moment (open menus included).

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

export interface AccessibilityProblem {
  rule: string;
  impact: axe.ImpactValue;
  help: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

/** Every axe violation on the page now (all of axe's default rules: WCAG 2.x A/AA and best practices). */
export async function accessibilityProblems(page: Page): Promise<AccessibilityProblem[]> {
  // A router.refresh() just fired (after a form saved) swaps the head's metadata in: for a moment
  // the document has no title. Wait that out; a page that never gets one is still reported.
  await page.waitForFunction(() => document.title !== "", undefined, { timeout: 5_000 }).catch(() => undefined);
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    if (!window.axe) throw new Error("axe-core did not load into the page");
    // Colour transitions still running (e.g. right after emulateMedia switched the scheme) would
    // have the contrast rules judge colours halfway; finite ones are brought to their end.
    for (const animation of document.getAnimations()) {
      if (animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY) animation.finish();
    }
    const results = await window.axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(" ")),
    }));
  });
}

/** The violations a release must not have: impact "serious" or "critical" (contrast, names, roles…). */
export async function seriousAccessibilityProblems(page: Page): Promise<AccessibilityProblem[]> {
  return (await accessibilityProblems(page)).filter(
    (problem) => problem.impact === "serious" || problem.impact === "critical",
  );
}
