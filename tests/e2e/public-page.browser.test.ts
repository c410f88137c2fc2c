import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserAvailable, firstLoadScripts, launchBrowser, screenshotPath, serveHtml } from "../support/browser";

const FIRST_LOAD_BUDGET_BYTES = 150 * 1024;
const baseUrl = inject("embeddedBaseUrl");

/** An owner signed up through the real API, with their session cookie and a bearer token. */
async function signUpOwner(): Promise<{ session: string; bearer: string }> {
  const credentials = { email: `owner-${randomUUID()}@example.com`, password: "correct horse battery staple" };
  const signup = await fetch(`${baseUrl}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(credentials),
  });
  expect(signup.status).toBe(201);
  const session = /chatfolio_session=([^;]+)/.exec(signup.headers.get("set-cookie") ?? "")?.[1];
  expect(session).toBeTruthy();
  const token = await fetch(`${baseUrl}/api/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  expect(token.status).toBe(200);
  const { access_token } = (await token.json()) as { access_token: string };
  return { session: decodeURIComponent(session ?? ""), bearer: `Bearer ${access_token}` };
}

async function createBot(bearer: string, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${baseUrl}/api/chatbots`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: bearer },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { public_url_slug: string }).public_url_slug;
}

const assistantMessages = (page: Page) => page.locator('[data-testid="chat-message"][data-role="assistant"]');
const userMessages = (page: Page) => page.locator('[data-testid="chat-message"][data-role="user"]');

describe.skipIf(!browserAvailable())("public chat page and widget in Chromium", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newContext = async (options: Parameters<Browser["newContext"]>[0] = {}) => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it("lets a visitor on a phone chat with the demo bot, and remembers the conversation on reload", async () => {
    const context = await newContext({ viewport: { width: 360, height: 760 }, hasTouch: true });
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/c/demo`);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe("Ask about Ada · Chatfolio");
    await page.getByTestId("welcome-message").getByText("I'm Ada's assistant").waitFor();
    await page.getByText("Lisbon, Portugal").first().waitFor();

    const [cookie] = (await context.cookies()).filter((entry) => entry.name === "chatfolio_visitor");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/c" });

    await page.getByTestId("starter-question").filter({ hasText: "Where is she based?" }).click();
    await expect.poll(() => assistantMessages(page).first().textContent(), { timeout: 15_000 }).toContain("Lisbon");
    await expect.poll(() => page.getByTestId("announcer").textContent()).toContain("Lisbon");
    await expect.poll(() => page.getByTestId("starter-question").count()).toBe(0);

    // Shift+Enter breaks the line; Enter sends.
    const input = page.getByTestId("composer-input");
    await input.fill("Which technologies");
    await input.press("Shift+Enter");
    await expect.poll(() => input.inputValue()).toBe("Which technologies\n");
    await input.fill("Which technologies does she use?");
    await input.press("Enter");
    await expect.poll(() => input.inputValue()).toBe("");
    await expect.poll(() => assistantMessages(page).nth(1).textContent(), { timeout: 15_000 }).toContain("TypeScript");
    await page.screenshot({ path: await screenshotPath("public-page-360.png") });

    await page.reload();
    await expect.poll(() => userMessages(page).count()).toBe(2);
    await expect.poll(() => assistantMessages(page).count()).toBe(2);
    await expect.poll(() => assistantMessages(page).first().textContent()).toContain("Lisbon");
    await expect.poll(() => userMessages(page).nth(1).textContent()).toBe("Which technologies does she use?");

    await page.getByTestId("new-conversation").click();
    await expect.poll(() => userMessages(page).count()).toBe(0);
    await expect.poll(() => page.getByTestId("starter-question").count()).toBe(3);
  });

  it(`loads under ${FIRST_LOAD_BUDGET_BYTES / 1024} KB of gzipped JavaScript, and looks right on a desktop`, async () => {
    const context = await newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const scripts = await firstLoadScripts(page, `${baseUrl}/c/demo`);
    const total = scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
    console.info(
      `[budget] /c/demo first-load JS: ${(total / 1024).toFixed(1)} KB gzipped in ${scripts.length} scripts`,
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(FIRST_LOAD_BUDGET_BYTES);
    await page.getByTestId("welcome-message").waitFor();
    await page.screenshot({ path: await screenshotPath("public-page-1280.png"), fullPage: true });

    const dark = await (await newContext({ viewport: { width: 360, height: 760 }, colorScheme: "dark" })).newPage();
    await dark.goto(`${baseUrl}/c/demo`);
    await dark.getByTestId("welcome-message").waitFor();
    await dark.screenshot({ path: await screenshotPath("public-page-360-dark.png") });
  });

  it("asks the visitor's name once and keeps it", async () => {
    const context = await newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/c/demo`);
    await page.getByTestId("name-input").fill("Grace");
    await page.getByTestId("name-save").click();
    await expect.poll(() => page.getByTestId("name-prompt").count()).toBe(0);
    await page.getByText("Chatting as Grace").waitFor();
    await page.getByTestId("composer-input").fill("What does Ada do?");
    await page.getByTestId("send-button").click();
    await expect.poll(() => assistantMessages(page).first().textContent(), { timeout: 15_000 }).not.toBe("");
    await page.reload();
    await page.getByText("Chatting as Grace").waitFor();
    await expect.poll(() => page.getByTestId("name-prompt").count()).toBe(0);
  });

  it("says so kindly when the bot is rate-limited, with a retry", async () => {
    const owner = await signUpOwner();
    const slug = await createBot(owner.bearer, {
      name: `Busy bot ${randomUUID().slice(0, 6)}`,
      configuration: { rate_limit: { max_messages: 1, window_seconds: 60 } },
    });
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/c/${slug}`);
    await page.getByTestId("name-prompt").getByRole("button", { name: "Skip" }).click();
    const input = page.getByTestId("composer-input");
    await input.fill("First question");
    await input.press("Enter");
    await expect.poll(() => assistantMessages(page).count(), { timeout: 15_000 }).toBe(1);
    await input.fill("Second question");
    await input.press("Enter");
    const problem = page.getByTestId("chat-error");
    await expect.poll(() => problem.getAttribute("data-kind")).toBe("rate_limited");
    await expect.poll(() => problem.textContent()).toContain("wait a moment");
    await page.getByTestId("retry-button").waitFor();
  });

  it("shows a private bot to its owner with a banner, and the 404 page to everyone else", async () => {
    const owner = await signUpOwner();
    const slug = await createBot(owner.bearer, { name: `Secret ${randomUUID().slice(0, 6)}`, is_public: false });

    const stranger = await (await newContext()).newPage();
    const refused = await stranger.goto(`${baseUrl}/c/${slug}`);
    expect(refused?.status()).toBe(404);
    await stranger.getByText("Page not found").waitFor();
    expect((await stranger.goto(`${baseUrl}/c/${slug}/embed`))?.status()).toBe(404);

    const ownerContext = await newContext();
    await ownerContext.addCookies([{ name: "chatfolio_session", value: owner.session, url: baseUrl }]);
    const preview = await ownerContext.newPage();
    expect((await preview.goto(`${baseUrl}/c/${slug}`))?.status()).toBe(200);
    await expect.poll(() => preview.getByTestId("private-banner").textContent()).toContain("only you can see this");
  });

  it("embeds with one script tag on another site, opening the chat in an iframe that keeps its visitor", async () => {
    const site = await serveHtml(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A portfolio</title></head>
<body><h1>Someone else's site</h1>
<script src="${baseUrl}/widget.js" data-chatbot="demo" data-accent-color="#db2777" data-position="bottom-left" async></script>
</body></html>`);
    try {
      const context = await newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(site.url);
      const button = page.getByRole("button", { name: "Open chat" });
      await button.waitFor();
      await expect
        .poll(() => page.locator(`link[rel="preconnect"][href="${new URL(baseUrl).origin}"]`).count())
        .toBe(1);
      await expect.poll(() => page.locator("iframe").count()).toBe(0);

      await button.click();
      await expect
        .poll(() => page.getByRole("button", { name: "Close chat" }).getAttribute("aria-expanded"))
        .toBe("true");
      const chat = page.frameLocator("iframe");
      await chat.getByTestId("welcome-message").waitFor();
      await chat.getByTestId("starter-question").filter({ hasText: "Which technologies does she use?" }).click();
      await expect
        .poll(() => chat.locator('[data-testid="chat-message"][data-role="assistant"]').first().textContent(), {
          timeout: 15_000,
        })
        .toContain("TypeScript");
      await page.screenshot({ path: await screenshotPath("widget-open-1280.png") });

      // A third-party iframe keeps its visitor only with a SameSite=None; Secure; Partitioned cookie.
      await page.reload();
      await page.getByRole("button", { name: "Open chat" }).click();
      await expect.poll(() => chat.locator('[data-testid="chat-message"][data-role="user"]').count()).toBe(1);
      await expect
        .poll(() => chat.locator('[data-testid="chat-message"][data-role="assistant"]').first().textContent())
        .toContain("TypeScript");
    } finally {
      await site.close();
    }
  });
});
