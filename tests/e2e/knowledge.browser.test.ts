import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "../support/axe";
import { browserAvailable, hydrated, launchBrowser, screenshotPath } from "../support/browser";

// The owner teaches the bot an answer on the knowledge page; a visitor asking in other words gets it.

const baseUrl = inject("embeddedBaseUrl");

describe.skipIf(!browserAvailable())("the knowledge page in Chromium", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async (width = 1280) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it("adds an answer and a document that the public page answers from", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel("Email").fill(`knowledge-${randomUUID().slice(0, 8)}@example.test`);
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    const slug = `know-${randomUUID().slice(0, 8)}`;
    const created = await page.request.post(`${baseUrl}/api/chatbots`, {
      headers: { origin: baseUrl },
      data: { name: "Knowing bot", public_url_slug: slug },
    });
    expect(created.status()).toBe(201);

    await page.goto(`${baseUrl}/dashboard/knowledge`);
    const add = page.getByRole("button", { name: "Add answer" });
    await hydrated(add);
    await page.getByLabel("Question").fill("Are you open to relocation?");
    await page.getByLabel("Your answer").fill("Yes, to Lisbon or Berlin, for the right team.");
    await add.click();
    await page.getByTestId("knowledge-list").getByText("Are you open to relocation?").waitFor();
    await page.getByLabel("File").setInputFiles({
      name: "cv.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("# CV\n\nShe led the payments team at Northwind for four years."),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.getByTestId("knowledge-list").getByText("cv.md").waitFor();
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: await screenshotPath(`knowledge-1280-${scheme}.png`), fullPage: true });
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: await screenshotPath("knowledge-360-dark.png"), fullPage: true });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    const visitor = await newPage();
    await visitor.goto(`${baseUrl}/c/${slug}`);
    await visitor.locator('[data-testid="chat"][data-ready="true"]').waitFor({ timeout: 15_000 });
    const answers = visitor.locator('[data-testid="chat-message"][data-role="assistant"]');
    await visitor.getByTestId("composer-input").fill("Would you move for a job?");
    await visitor.getByTestId("composer-input").press("Enter");
    await expect.poll(() => answers.last().textContent(), { timeout: 20_000 }).toContain("Lisbon or Berlin");
    await expect.poll(() => visitor.getByTestId("send-button").count(), { timeout: 15_000 }).toBe(1);
    await visitor.getByTestId("composer-input").fill("Where did she lead a payments team?");
    await visitor.getByTestId("composer-input").press("Enter");
    await expect.poll(() => answers.count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => answers.last().textContent(), { timeout: 20_000 }).toContain("Northwind");
  }, 180_000);
});
