import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "../support/axe";
import { browserAvailable, hydrated, launchBrowser, screenshotPath } from "../support/browser";
import { pdfOf } from "../support/documents";

// The owner teaches the bot an answer on the knowledge page; a visitor asking in other words gets it,
// with the sources the owner chose to show, and the owner sees them in the inbox too.

/** The production server on the embedded database, and on PostgreSQL when TEST_DATABASE_URL is set. */
const servers: Array<[string, string]> = [["embedded", inject("embeddedBaseUrl")]];
const postgresBaseUrl = inject("postgresBaseUrl");
if (postgresBaseUrl) servers.push(["PostgreSQL", postgresBaseUrl]);

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

  it.each(servers)(
    "adds an answer and a document that the public page answers from, and closes the loop on an unanswered question (%s)",
    async (database, baseUrl) => {
      const page = await newPage();
      await page.goto(`${baseUrl}/signup`);
      await page.getByLabel("Email").fill(`knowledge-${randomUUID().slice(0, 8)}@example.test`);
      await page.getByLabel("Password").fill("a-long-enough-password");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL(`${baseUrl}/dashboard`);
      const slug = `know-${randomUUID().slice(0, 8)}`;
      const created = await page.request.post(`${baseUrl}/api/chatbots`, {
        headers: { origin: baseUrl },
        data: { name: "Knowing bot", public_url_slug: slug, configuration: { show_sources: true } },
      });
      expect(created.status()).toBe(201);
      const botId = ((await created.json()) as { id: string }).id;

      await page.goto(`${baseUrl}/dashboard/knowledge`);
      const add = page.getByRole("button", { name: "Add answer" });
      await hydrated(add);
      await page.getByLabel("Question").fill("Are you open to relocation?");
      await page.getByLabel("Your answer").fill("Yes, to Lisbon or Berlin, for the right team.");
      await add.click();
      await page.getByTestId("knowledge-list").getByText("Are you open to relocation?").waitFor();
      // A CV as most owners have it: a PDF, read by the production server's extraction process.
      await page.getByLabel("File", { exact: true }).setInputFiles({
        name: "cv.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from(
          await pdfOf([["Curriculum vitae"], ["She led the payments team at Northwind for four years."]]),
        ),
      });
      await page.getByLabel("Keep the file itself").check();
      await page.getByRole("button", { name: "Upload" }).click();
      await page.getByTestId("knowledge-list").getByText("cv.pdf").waitFor();
      await page
        .getByTestId("knowledge-list")
        .getByText(/Original kept/)
        .waitFor();
      // This server doesn't set ALLOW_PRIVATE_NETWORK_FETCH: its own address is refused, beside the field.
      await page.getByLabel("Address").fill(`${baseUrl}/c/${slug}`);
      await page.getByRole("button", { name: "Import" }).click();
      await page
        .getByText(/private, loopback or link-local/)
        .first()
        .waitFor();
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({
          path: await screenshotPath(`knowledge-${database}-1280-${scheme}.png`),
          fullPage: true,
        });
        expect(await seriousAccessibilityProblems(page)).toEqual([]);
      }
      await page.setViewportSize({ width: 360, height: 740 });
      await page.screenshot({ path: await screenshotPath(`knowledge-${database}-360-dark.png`), fullPage: true });
      expect(await seriousAccessibilityProblems(page)).toEqual([]);

      const visitor = await newPage();
      await visitor.goto(`${baseUrl}/c/${slug}`);
      await visitor.locator('[data-testid="chat"][data-ready="true"]').waitFor({ timeout: 15_000 });
      const answers = visitor.locator('[data-testid="chat-message"][data-role="assistant"]');
      await visitor.getByTestId("composer-input").fill("Would you move for a job?");
      await visitor.getByTestId("composer-input").press("Enter");
      await expect.poll(() => answers.last().textContent(), { timeout: 20_000 }).toContain("Lisbon or Berlin");
      // show_sources is on: the chips arrive with the answer's finish.
      await expect
        .poll(() => answers.last().getByTestId("answer-sources").textContent(), { timeout: 20_000 })
        .toBe("Q&A 'Are you open to relocation?'");
      await expect.poll(() => visitor.getByTestId("send-button").count(), { timeout: 15_000 }).toBe(1);
      await visitor.getByTestId("composer-input").fill("Where did she lead a payments team?");
      await visitor.getByTestId("composer-input").press("Enter");
      await expect.poll(() => answers.count(), { timeout: 20_000 }).toBe(2);
      await expect.poll(() => answers.last().textContent(), { timeout: 20_000 }).toContain("Northwind");
      await expect
        .poll(() => answers.last().getByTestId("answer-sources").textContent(), { timeout: 20_000 })
        .toContain("Document 'cv.pdf'");

      // Something nobody wrote down: it waits in the questions queue until the owner answers it.
      await expect.poll(() => visitor.getByTestId("send-button").count(), { timeout: 15_000 }).toBe(1);
      await visitor.getByTestId("composer-input").fill("Does she play chess?");
      await visitor.getByTestId("composer-input").press("Enter");
      await expect.poll(() => answers.count(), { timeout: 20_000 }).toBe(3);
      await expect.poll(() => answers.last().textContent(), { timeout: 20_000 }).toContain("don't know");
      expect(await answers.last().getByTestId("answer-sources").count()).toBe(0);

      // The overview says a question waits; the inbox shows where each answer came from.
      await page.goto(`${baseUrl}/dashboard`);
      const waiting = page.getByTestId("waiting-questions");
      expect(await waiting.textContent()).toContain("1 question your bots couldn't answer waits");
      await page.goto(`${baseUrl}/dashboard/inbox`);
      await page.locator('a[href^="/dashboard/inbox/"]').first().click();
      await page.waitForURL(/\/dashboard\/inbox\/[0-9a-f-]{36}/);
      const inboxSources = page.getByTestId("answer-sources");
      await expect.poll(() => inboxSources.count()).toBe(2);
      expect(await inboxSources.first().textContent()).toBe("from: Q&A 'Are you open to relocation?'");
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      // Beside any answer, what the bot should have said: it becomes the Q&A for that question.
      const improve = page.getByRole("button", { name: "Improve this answer" }).nth(1);
      await hydrated(improve);
      await improve.click();
      const dialog = page.getByRole("dialog", { name: "Improve this answer" });
      await dialog.getByLabel("Better answer").fill("At Northwind, from 2019 to 2023.");
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await dialog.getByRole("button", { name: "Save answer" }).click();
      await page.getByText("The next visitor who asks this gets your answer.").waitFor();

      await page.goto(`${baseUrl}/dashboard/questions`);
      const group = page.getByTestId("question-group").filter({ hasText: "Does she play chess?" });
      await group.waitFor();
      expect(await group.textContent()).toContain("Asked 1 time by 1 visitor");
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await page.screenshot({ path: await screenshotPath(`questions-${database}-360-dark.png`), fullPage: true });
      const save = group.getByRole("button", { name: "Save answer" });
      await hydrated(save);
      await group.getByLabel("Your answer").fill("Yes, in the Lisbon chess club every Tuesday.");
      await save.click();
      await page.getByText("Nothing waiting").waitFor();

      const next = await newPage(360);
      await next.goto(`${baseUrl}/c/${slug}`);
      await next.locator('[data-testid="chat"][data-ready="true"]').waitFor({ timeout: 15_000 });
      await next.getByTestId("composer-input").fill("Is chess one of her hobbies?");
      await next.getByTestId("composer-input").press("Enter");
      const reply = next.locator('[data-testid="chat-message"][data-role="assistant"]').last();
      // The bubble holds the owner's answer as written; the chips under it name the Q&A it became.
      await expect
        .poll(() => reply.locator(":scope > div").textContent(), { timeout: 20_000 })
        .toBe("Yes, in the Lisbon chess club every Tuesday.");
      await expect
        .poll(() => reply.getByTestId("answer-sources").textContent(), { timeout: 20_000 })
        .toBe("Q&A 'Does she play chess?'");
      await expect.poll(() => next.getByTestId("send-button").count(), { timeout: 15_000 }).toBe(1);
      await next.getByTestId("composer-input").fill("Where did she lead a payments team?");
      await next.getByTestId("composer-input").press("Enter");
      await expect
        .poll(() => reply.locator(":scope > div").textContent(), { timeout: 20_000 })
        .toBe("At Northwind, from 2019 to 2023.");

      // This bot keeps to one item: the chess answer is no longer its to give.
      await page.goto(`${baseUrl}/dashboard/chatbots/${botId}`);
      const keep = page.getByRole("button", { name: "Save knowledge choice" });
      await hydrated(keep);
      await page.getByLabel("Only the items I choose").check();
      await page
        .getByTestId("knowledge-choices")
        .getByLabel(/Are you open to relocation\?/)
        .check();
      await keep.click();
      await page.getByText("Knowledge choice saved.").waitFor();
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await expect.poll(() => next.getByTestId("send-button").count(), { timeout: 15_000 }).toBe(1);
      await next.getByTestId("composer-input").fill("Is chess one of her hobbies?");
      await next.getByTestId("composer-input").press("Enter");
      await expect.poll(() => reply.locator(":scope > div").textContent(), { timeout: 20_000 }).toContain("don't know");
    },
    240_000,
  );
});
