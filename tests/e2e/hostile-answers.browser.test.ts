import { randomUUID } from "node:crypto";
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "@/scripts/next-server";
import { browserAvailable, launchBrowser } from "../support/browser";
import { type OpenAICompatibleServer, startOpenAICompatibleServer } from "../support/openai-compatible-server";

// An answer is the model's text, and a model can be talked into writing anything: markup, script,
// javascript: links, image beacons. On the page and in the embed it must stay text.

async function publicBot(baseUrl: string): Promise<string> {
  const credentials = { email: `hostile-${randomUUID().slice(0, 8)}@example.test`, password: "a long enough password" };
  const signup = await fetch(`${baseUrl}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(credentials),
  });
  expect(signup.status).toBe(201);
  const token = await fetch(`${baseUrl}/api/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const slug = `hostile-${randomUUID().slice(0, 8)}`;
  const created = await fetch(`${baseUrl}/api/chatbots`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${access_token}` },
    body: JSON.stringify({ name: "Hostile answers", public_url_slug: slug }),
  });
  expect(created.status).toBe(201);
  return slug;
}

/** Nothing the answer carried ran, loaded or became a live link. */
async function expectInert(scope: Page | Frame): Promise<void> {
  const answer = scope.locator('[data-testid="chat-message"][data-role="assistant"]').last();
  await expect.poll(() => answer.textContent(), { timeout: 15_000 }).toContain("raw link");
  expect(await scope.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await answer.locator("script, iframe, img, [onerror]").count()).toBe(0);
  const hrefs = await answer.locator("a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  for (const href of hrefs) expect(href).not.toMatch(/^\s*javascript:/i);
}

describe.skipIf(!browserAvailable())("hostile answers render inert", () => {
  let model: OpenAICompatibleServer;
  let server: RunningServer;
  let browser: Browser;
  let slug: string;
  const beacons: string[] = [];

  beforeAll(async () => {
    model = await startOpenAICompatibleServer();
    server = await startServer({
      DATABASE_URL: "",
      PGLITE_DATA_DIR: "memory://",
      OPENAI_API_KEY: "sk-dummy-for-the-stand-in",
      OPENAI_BASE_URL: model.baseUrl,
    });
    slug = await publicBot(server.baseUrl);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await model?.close();
  });

  const watch = (page: Page) => {
    page.on("request", (request) => {
      if (request.url().includes("beacon.invalid")) beacons.push(request.url());
    });
    page.on("dialog", (dialog) => {
      beacons.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  };

  it("on the public page, while streaming and after a reload", async () => {
    const page = await browser.newPage();
    watch(page);
    await page.goto(`${server.baseUrl}/c/${slug}`);
    await page.locator('[data-testid="chat"][data-ready="true"]').waitFor({ timeout: 15_000 });
    const input = page.getByTestId("composer-input");
    await input.fill("Tell me something [hostile]");
    await input.press("Enter");
    await expectInert(page);
    await page.reload();
    await expectInert(page);
    // Links the answer may keep (none here but the text) are plain: clicking around runs nothing.
    expect(beacons).toEqual([]);
    await page.close();
  });

  it("in the embed", async () => {
    const page = await browser.newPage();
    watch(page);
    await page.goto(`${server.baseUrl}/c/${slug}/embed`);
    await page.locator('[data-testid="chat"][data-ready="true"]').waitFor({ timeout: 15_000 });
    const input = page.getByTestId("composer-input");
    await input.fill("Once more [hostile]");
    await input.press("Enter");
    await expectInert(page);
    expect(beacons).toEqual([]);
    await page.close();
  });
});
