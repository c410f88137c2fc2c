import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  browserAvailable,
  firstLoadScripts,
  hydrated,
  launchBrowser,
  screenshotPath,
  serveHtml,
} from "../support/browser";

const FIRST_LOAD_BUDGET_BYTES = 150 * 1024;
const baseUrl = inject("embeddedBaseUrl");
/** The production server on the embedded database, and on PostgreSQL when TEST_DATABASE_URL is set. */
const servers: Array<[string, string]> = [["embedded", baseUrl]];
const postgresBaseUrl = inject("postgresBaseUrl");
if (postgresBaseUrl) servers.push(["PostgreSQL", postgresBaseUrl]);

/** An owner signed up through the real API, with their session cookie and a bearer token. */
async function signUpOwner(base = baseUrl): Promise<{ session: string; bearer: string }> {
  const credentials = { email: `owner-${randomUUID()}@example.com`, password: "correct horse battery staple" };
  const signup = await fetch(`${base}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(credentials),
  });
  expect(signup.status).toBe(201);
  const session = /chatfolio_session=([^;]+)/.exec(signup.headers.get("set-cookie") ?? "")?.[1];
  expect(session).toBeTruthy();
  const token = await fetch(`${base}/api/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  expect(token.status).toBe(200);
  const { access_token } = (await token.json()) as { access_token: string };
  return { session: decodeURIComponent(session ?? ""), bearer: `Bearer ${access_token}` };
}

async function createBot(bearer: string, body: Record<string, unknown>, base = baseUrl): Promise<string> {
  const response = await fetch(`${base}/api/chatbots`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: bearer },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { public_url_slug: string }).public_url_slug;
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

const assistantMessages = (page: Page) => page.locator('[data-testid="chat-message"][data-role="assistant"]');
const userMessages = (page: Page) => page.locator('[data-testid="chat-message"][data-role="user"]');

/** Waits until the page shows `count` answers, the last one written in full, and is ready for more. */
async function answered(page: Page, count: number): Promise<void> {
  await expect.poll(() => assistantMessages(page).count(), { timeout: 15_000 }).toBe(count);
  await expect.poll(() => page.getByTestId("send-button").count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => page.getByTestId("typing").count()).toBe(0);
  await expect.poll(() => assistantMessages(page).last().textContent()).not.toBe("");
}

/**
 * Waits until the chat is hydrated. The server-rendered buttons are visible (so Playwright deems
 * them clickable) before React listens to them; on a busy machine a click would be lost.
 */
async function chatReady(scope: Page | FrameLocator): Promise<void> {
  await scope.locator('[data-testid="chat"][data-ready="true"]').waitFor({ timeout: 15_000 });
}

async function send(page: Page, text: string): Promise<void> {
  await chatReady(page);
  const input = page.getByTestId("composer-input");
  await input.fill(text);
  await input.press("Enter");
  await expect.poll(() => input.inputValue()).toBe("");
}

/** A fresh public bot, so a test's messages never count against another test's limits. */
async function freshBot(configuration: Record<string, unknown> = {}): Promise<string> {
  const owner = await signUpOwner();
  return createBot(owner.bearer, { name: `Bot ${randomUUID().slice(0, 6)}`, configuration });
}

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
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

    await chatReady(page);
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
    await chatReady(page);
    await page.screenshot({ path: await screenshotPath("public-page-1280.png"), fullPage: true });

    const dark = await (await newContext({ viewport: { width: 360, height: 760 }, colorScheme: "dark" })).newPage();
    await dark.goto(`${baseUrl}/c/demo`);
    await chatReady(dark);
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
    // The composer ignores Enter while an answer streams, so the second question waits for the first answer.
    await answered(page, 1);
    await input.fill("Second question");
    await input.press("Enter");
    const problem = page.getByTestId("chat-error");
    // The refusal is one request away, however busy the machine: behaviour, not a one-second timing.
    await expect.poll(() => problem.getAttribute("data-kind"), { timeout: 15_000 }).toBe("rate_limited");
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
      await chatReady(chat);
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

  /** A visitor on a new bot's page who has asked one question and had it answered. */
  async function chatOnAFreshBot(question: string) {
    const slug = await freshBot();
    const page = await (await newContext()).newPage();
    await page.goto(`${baseUrl}/c/${slug}`);
    await send(page, question);
    await answered(page, 1);
    return page;
  }

  it("starts a new conversation mid-session that shows its own answers", async () => {
    const page = await chatOnAFreshBot("First question");
    await page.getByTestId("new-conversation").click();
    await expect.poll(() => userMessages(page).count()).toBe(0);
    await expect.poll(() => assistantMessages(page).count()).toBe(0);
    await send(page, "Second question");
    await answered(page, 1);
    await expect.poll(() => userMessages(page).allTextContents()).toEqual(["Second question"]);
  });

  it("starts a new conversation after a reload and keeps chatting in it", async () => {
    const page = await chatOnAFreshBot("First question");

    // The chat engine now boots with the stored conversation.
    await page.reload();
    await expect.poll(() => userMessages(page).allTextContents()).toEqual(["First question"]);
    await send(page, "Second question");
    await answered(page, 2);
    await page.getByTestId("new-conversation").click();
    await expect.poll(() => userMessages(page).count()).toBe(0);
    await send(page, "Third question");
    await answered(page, 1);
    await expect.poll(() => userMessages(page).allTextContents()).toEqual(["Third question"]);
    // Still alive: Enter sends, and the answer arrives.
    await send(page, "Fourth question");
    await answered(page, 2);
    await expect.poll(() => userMessages(page).allTextContents()).toEqual(["Third question", "Fourth question"]);
  });

  it("keeps a cleared conversation cleared across a reload, and starts a new one with the next message", async () => {
    const page = await chatOnAFreshBot("Old question");
    await page.getByTestId("new-conversation").click();
    await expect.poll(() => userMessages(page).count()).toBe(0);

    await page.reload();
    await chatReady(page);
    await expect.poll(() => page.getByTestId("starter-question").count()).toBe(3);
    await expect.poll(() => userMessages(page).count()).toBe(0);
    await expect.poll(() => assistantMessages(page).count()).toBe(0);

    await send(page, "New question");
    await answered(page, 1);
    await page.reload();
    await expect.poll(() => userMessages(page).allTextContents()).toEqual(["New question"]);
  });

  it.each(servers)(
    "takes a thumbs down with a comment, shows the owner's reply when the visitor returns, and erases them on request (%s)",
    async (_database, base) => {
      const owner = await signUpOwner(base);
      const slug = await createBot(owner.bearer, { name: `Loop ${randomUUID().slice(0, 6)}` }, base);
      const visitor = await (await newContext({ viewport: { width: 360, height: 760 } })).newPage();
      await visitor.goto(`${base}/c/${slug}`);
      await send(visitor, "Where is she based?");
      await answered(visitor, 1);
      const answer = assistantMessages(visitor).first();
      await answer.getByTestId("thumbs-down").click();
      await answer.getByTestId("feedback-comment").fill("It never said the city");
      await answer.getByTestId("feedback-comment-send").click();
      await answer.getByText("Thanks for telling us.").waitFor();

      // The owner sees the feedback beside the answer and replies from the inbox.
      const ownerContext = await newContext({ viewport: { width: 1280, height: 800 } });
      await ownerContext.addCookies([{ name: "chatfolio_session", value: owner.session, url: base }]);
      const dashboard = await ownerContext.newPage();
      await dashboard.goto(`${base}/dashboard/inbox`);
      await dashboard.locator('a[href^="/dashboard/inbox/"]').first().click();
      await dashboard.getByTestId("turn-feedback").getByText("It never said the city").waitFor();
      await hydrated(dashboard.getByTestId("reply-form"));
      await dashboard.getByRole("textbox", { name: "Reply" }).fill("I'm in Lisbon. Write to me any time!");
      await dashboard.getByRole("button", { name: "Send reply" }).click();
      await dashboard.getByTestId("owner-reply").getByText("I'm in Lisbon").waitFor();

      // The visitor comes back: the reply is there, marked as the owner's, and their thumb is remembered.
      await visitor.reload();
      const reply = visitor.locator('[data-testid="chat-message"][data-role="owner"]');
      await reply.getByText("I'm in Lisbon. Write to me any time!").waitFor();
      await expect.poll(() => reply.textContent()).toContain("Reply from the owner");
      await expect
        .poll(() => assistantMessages(visitor).first().getByTestId("thumbs-down").getAttribute("aria-pressed"))
        .toBe("true");
      await visitor.screenshot({ path: await screenshotPath("public-page-owner-reply-360.png") });

      // "Your data": a download, then everything erased; a reload shows nothing of it.
      await chatReady(visitor);
      await visitor.getByText("Your data").click();
      const [download] = await Promise.all([
        visitor.waitForEvent("download"),
        visitor.getByTestId("download-data").click(),
      ]);
      const saved = JSON.parse(await streamText(await download.createReadStream())) as { owner_replies: unknown[] };
      expect(saved.owner_replies).toHaveLength(1);
      await visitor.getByTestId("delete-data").click();
      await visitor.getByTestId("confirm-delete-data").click();
      await expect.poll(() => userMessages(visitor).count()).toBe(0);
      await visitor.reload();
      await chatReady(visitor);
      await expect.poll(() => userMessages(visitor).count()).toBe(0);
      await expect.poll(() => visitor.locator('[data-role="owner"]').count()).toBe(0);
      await dashboard.goto(`${base}/dashboard/inbox`);
      await expect.poll(() => dashboard.locator('a[href^="/dashboard/inbox/"]').count()).toBe(0);
    },
  );

  it.each(servers)(
    "offers the contact form under the answer to 'how can I contact her?', and the owner's contacts list the visitor (%s)",
    async (_database, base) => {
      const owner = await signUpOwner(base);
      const profile = await fetch(`${base}/api/profile`, {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: owner.bearer },
        body: JSON.stringify({
          name: "Ada Lovelace",
          location: "Lisbon, Portugal",
          bio: "A backend engineer.",
          skills: "TypeScript",
          experience: "Stripe",
          interests: "Climbing",
        }),
      });
      expect(profile.status).toBe(200);
      const slug = await createBot(owner.bearer, { name: `Reach ${randomUUID().slice(0, 6)}` }, base);
      const visitor = await (await newContext({ viewport: { width: 360, height: 760 } })).newPage();
      await visitor.goto(`${base}/c/${slug}`);
      await send(visitor, "Where is she based?");
      await answered(visitor, 1);
      // An answer that helped offers nothing.
      expect(await visitor.getByTestId("contact-offer").count()).toBe(0);
      await send(visitor, "how can I contact her?");
      await answered(visitor, 2);

      // The form stands right under that answer, in the conversation.
      const offer = visitor.getByTestId("contact-offer");
      await offer.waitFor();
      expect(
        await offer.evaluate((item) => item.previousElementSibling?.textContent?.includes("leave your details")),
      ).toBe(true);
      await visitor.screenshot({ path: await screenshotPath("public-page-contact-offer-360.png") });
      // Reopening the conversation shows it again, until the details are left.
      await visitor.reload();
      await chatReady(visitor);
      await offer.waitFor();
      const visitorName = `Vera ${randomUUID().slice(0, 6)}`;
      await offer.getByLabel("Name").fill(visitorName);
      // The bot asks for an email (contact_form's default): the browser holds the form back without one.
      expect(await offer.getByLabel("Email").evaluate((input) => (input as HTMLInputElement).required)).toBe(true);
      // On a phone the footer's controls wrap rather than run off the edge.
      const menu = visitor.getByText("Your data");
      const box = await menu.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
      await offer.getByLabel("Email").fill("vera@example.test");
      await offer.getByLabel("Message").fill("Let's talk about a role.");
      await offer.getByRole("button", { name: "Send" }).click();
      await offer.getByTestId("contact-sent").waitFor();
      await visitor.reload();
      await chatReady(visitor);
      await expect.poll(() => assistantMessages(visitor).count()).toBe(2);
      expect(await visitor.getByTestId("contact-offer").count()).toBe(0);

      const ownerContext = await newContext({ viewport: { width: 1280, height: 800 } });
      await ownerContext.addCookies([{ name: "chatfolio_session", value: owner.session, url: base }]);
      const dashboard = await ownerContext.newPage();
      await dashboard.goto(`${base}/dashboard/contacts`);
      const row = dashboard.getByTestId("contacts").getByRole("row", { name: new RegExp(visitorName) });
      await row.waitFor();
      expect(await row.textContent()).toContain("vera@example.test");
      expect(await row.textContent()).toContain("Let's talk about a role.");

      // A bot that takes no details neither offers the form nor shows it in the footer.
      const closed = await createBot(
        owner.bearer,
        {
          name: `Closed ${randomUUID().slice(0, 6)}`,
          configuration: { contact_form: "off" },
        },
        base,
      );
      await visitor.goto(`${base}/c/${closed}`);
      await send(visitor, "how can I contact her?");
      await answered(visitor, 1);
      expect(await assistantMessages(visitor).last().textContent()).toContain("reads");
      expect(await visitor.getByTestId("contact-offer").count()).toBe(0);
      expect(await visitor.getByTestId("contact-form").count()).toBe(0);
    },
  );

  it("asks for the name only once, whether the visitor skips it or answers without chatting", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/c/demo`);
    await page.getByTestId("name-prompt").getByRole("button", { name: "Skip" }).click();
    await expect.poll(() => page.getByTestId("name-prompt").count()).toBe(0);
    await page.reload();
    await chatReady(page);
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.getByTestId("name-prompt").count()).toBe(0);

    const named = await (await newContext()).newPage();
    await named.goto(`${baseUrl}/c/demo`);
    await named.getByTestId("name-input").fill("Linus");
    await named.getByTestId("name-save").click();
    await named.reload();
    await named.getByText("Chatting as Linus").waitFor();
    await expect.poll(() => named.getByTestId("name-prompt").count()).toBe(0);
  });

  it("keeps keyboard focus in the message box when a pressed control goes away", async () => {
    const slug = await freshBot();
    const page = await (await newContext()).newPage();
    await page.goto(`${baseUrl}/c/${slug}`);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);

    await chatReady(page);
    await page.getByTestId("starter-question").first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("starter-question").count()).toBe(0);
    await expect.poll(focused).toBe("composer-input");
    await answered(page, 1);
    await expect.poll(focused).toBe("composer-input");

    await page.getByTestId("new-conversation").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => userMessages(page).count()).toBe(0);
    await expect.poll(focused).toBe("composer-input");

    // Send by its button: the button turns into Stop and back without losing focus to the body.
    await page.getByTestId("composer-input").fill("A question");
    await page.getByTestId("send-button").focus();
    await page.keyboard.press("Enter");
    await answered(page, 1);
    await expect.poll(focused).not.toBeNull();
  });

  it("says the chat is unavailable, with a working retry, when its code fails to load", async () => {
    const slug = await freshBot();
    const page = await (await newContext()).newPage();
    await page.goto(`${baseUrl}/c/${slug}`, { waitUntil: "networkidle" });
    // As after a redeploy: the page's chunks are gone from the server.
    const gone = (route: Parameters<Parameters<Page["route"]>[1]>[0]) => route.fulfill({ status: 404, body: "" });
    await chatReady(page);
    await page.route("**/_next/static/chunks/**", gone);
    await page.getByTestId("starter-question").first().click();
    const problem = page.getByTestId("chat-error");
    await expect.poll(() => problem.getAttribute("data-kind"), { timeout: 15_000 }).toBe("unavailable");
    await expect.poll(() => problem.textContent()).toContain("Check your connection");
    await expect.poll(() => page.getByTestId("welcome-message").count()).toBe(1);
    await expect.poll(() => userMessages(page).count()).toBe(1);

    await page.unroute("**/_next/static/chunks/**", gone);
    await page.getByTestId("retry-button").click();
    await answered(page, 1);
    await expect.poll(() => problem.count()).toBe(0);
  });

  // It waits out a real 10-second window, so it needs more than the default 30 s on a busy machine.
  it("recovers with Try again once the rate limit allows another message", { timeout: 60_000 }, async () => {
    const slug = await freshBot({ rate_limit: { max_messages: 1, window_seconds: 10 } });
    const page = await (await newContext()).newPage();
    await page.goto(`${baseUrl}/c/${slug}`);
    await send(page, "First question");
    await answered(page, 1);
    // The window counts from when the server stored the first message, which is before its answer
    // arrived here (on a busy machine, well after it was sent).
    const firstAnsweredAt = Date.now();
    await send(page, "Second question");
    const problem = page.getByTestId("chat-error");
    // The refusal is one request away, however busy the machine: behaviour, not a one-second timing.
    await expect.poll(() => problem.getAttribute("data-kind"), { timeout: 15_000 }).toBe("rate_limited");

    const requests: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/chat")) requests.push(request.postData() ?? "");
    });
    await page.waitForTimeout(Math.max(0, firstAnsweredAt + 11_000 - Date.now()));
    await page.getByTestId("retry-button").click();
    await answered(page, 2);
    await expect.poll(() => problem.count()).toBe(0);
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0])).toMatchObject({ message: "Second question" });
    await expect.poll(() => userMessages(page).allTextContents()).toEqual(["First question", "Second question"]);
  });

  it("gives the embed a visitor cookie that survives in a third-party iframe", async () => {
    const response = await fetch(`${baseUrl}/c/demo/embed`, { redirect: "manual" });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((entry) => entry.startsWith("chatfolio_visitor="));
    expect(cookie).toBeDefined();
    const attributes = (cookie ?? "").split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["samesite=none", "secure", "partitioned", "httponly"]));
  });

  it("closes the widget on Escape pressed inside the chat, and keeps the phone's Send button uncovered", async () => {
    const site = await serveHtml(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A portfolio</title></head>
<body><h1>Someone else's site</h1><a href="#top" id="link">A link</a>
<script src="${baseUrl}/widget.js" data-chatbot="demo" async></script>
</body></html>`);
    try {
      const page = await (await newContext({ viewport: { width: 360, height: 740 } })).newPage();
      await page.goto(site.url);
      await page.getByRole("button", { name: "Open chat" }).click();
      const chat = page.frameLocator("iframe");
      await chatReady(chat);

      // On a phone the panel fills the screen: the chat's Send button must be the chat's, nowhere
      // under the widget's own button (whose round corners leave Send's very centre free).
      const sendBox = await chat.getByTestId("send-button").boundingBox();
      const toggleBox = await page.getByRole("button", { name: "Close chat" }).boundingBox();
      if (!sendBox || !toggleBox) throw new Error("Send or the widget's button is not on screen");
      const overlaps =
        sendBox.x < toggleBox.x + toggleBox.width &&
        toggleBox.x < sendBox.x + sendBox.width &&
        sendBox.y < toggleBox.y + toggleBox.height &&
        toggleBox.y < sendBox.y + sendBox.height;
      expect(overlaps).toBe(false);
      const points = [0.5, 0.8].flatMap((fx) =>
        [0.5, 0.8].map((fy) => [sendBox.x + sendBox.width * fx, sendBox.y + sendBox.height * fy]),
      );
      const hits = await page.evaluate(
        (at) =>
          at.map(
            ([x, y]) => document.querySelector("[data-chatfolio-widget]")?.shadowRoot?.elementFromPoint(x, y)?.tagName,
          ),
        points,
      );
      expect(hits).toEqual(["IFRAME", "IFRAME", "IFRAME", "IFRAME"]);
      await chat.getByTestId("composer-input").fill("Where is she based?");
      await chat.getByTestId("send-button").click();
      await expect.poll(() => chat.getByTestId("composer-input").inputValue()).toBe("");
      await page.screenshot({ path: await screenshotPath("widget-open-360.png") });

      await chat.getByTestId("composer-input").focus();
      await page.keyboard.press("Escape");
      const toggle = page.getByRole("button", { name: "Open chat" });
      await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("false");
      await expect.poll(() => page.locator("[data-chatfolio-widget] .panel").isHidden()).toBe(true);
      // Focus came back to the page, on the widget's button.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.hasAttribute("data-chatfolio-widget") ?? false))
        .toBe(true);

      // Only the widget's own iframe may close it: another frame's request is ignored.
      await toggle.click();
      await page.evaluate(() => window.postMessage("chatfolio:close", "*"));
      await page.waitForTimeout(200);
      await expect
        .poll(() => page.getByRole("button", { name: "Close chat" }).getAttribute("aria-expanded"))
        .toBe("true");
    } finally {
      await site.close();
    }
  });

  it("opens on load with data-open without taking focus from the page", async () => {
    const site = await serveHtml(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A portfolio</title></head>
<body><h1>Someone else's site</h1><input id="search" autofocus>
<script src="${baseUrl}/widget.js" data-chatbot="demo" data-open="true" async></script>
</body></html>`);
    try {
      const page = await (await newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(site.url);
      await chatReady(page.frameLocator("iframe"));
      await expect
        .poll(() => page.getByRole("button", { name: "Close chat" }).getAttribute("aria-expanded"))
        .toBe("true");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("search");
    } finally {
      await site.close();
    }
  });
});
