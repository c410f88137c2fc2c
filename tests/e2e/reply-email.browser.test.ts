import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webVisitorId } from "@/lib/visitors/identity";
import { type RunningServer, startServer } from "@/scripts/next-server";
import { browserAvailable, hydrated, launchBrowser, screenshotPath } from "../support/browser";
import { linkIn, type SmtpStub, startSmtpStub } from "../support/smtp-server";

// The owner's reply by email, on the production server with a local SMTP server: the link in the
// email opens the conversation in a browser that never saw it (proxy.ts adopts the visitor), and
// a link with its signature changed gets a polite notice instead.

const CRON_SECRET = "reply-email-browser-test-secret";

describe.skipIf(!browserAvailable())("a reply email's link in a fresh Chromium context", () => {
  let smtp: SmtpStub;
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const freshPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 360, height: 760 } });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    smtp = await startSmtpStub();
    server = await startServer({ DATABASE_URL: "", PGLITE_DATA_DIR: "memory://", SMTP_URL: smtp.url, CRON_SECRET });
    base = server.baseUrl;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it("opens the conversation with the owner's reply, carries it on, and refuses a tampered link", async () => {
    // The owner, through the API.
    const credentials = { email: `owner-${randomUUID()}@example.com`, password: "correct horse battery staple" };
    const signup = await fetch(`${base}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify(credentials),
    });
    expect(signup.status).toBe(201);
    const session = decodeURIComponent(
      /chatfolio_session=([^;]+)/.exec(signup.headers.get("set-cookie") ?? "")?.[1] ?? "",
    );
    const token = (await (
      await fetch(`${base}/api/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(credentials),
      })
    ).json()) as { access_token: string };
    const created = await fetch(`${base}/api/chatbots`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.access_token}` },
      body: JSON.stringify({ name: `Reply ${randomUUID().slice(0, 6)}`, is_public: true }),
    });
    expect(created.status).toBe(201);
    const bot = (await created.json()) as { id: string; public_url_slug: string };

    // The visitor, on the device they first used: the page's cookie, a question, their email.
    const page = await fetch(`${base}/c/${bot.public_url_slug}`);
    const cookieValue = /chatfolio_visitor=([^;]+)/.exec(page.headers.get("set-cookie") ?? "")?.[1] ?? "";
    const visitorCookie = `chatfolio_visitor=${cookieValue}`;
    const visitorId = webVisitorId(cookieValue.split(".")[0], bot.id);
    const asked = await fetch(`${base}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie: visitorCookie },
      body: JSON.stringify({ chatbot_id: bot.id, visitor_id: visitorId, message: "Can I hire her in March?" }),
    });
    expect(asked.status).toBe(200);
    const email = `visitor-${randomUUID().slice(0, 8)}@example.test`;
    const left = await fetch(`${base}/api/chat/contact`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie: visitorCookie },
      body: JSON.stringify({ chatbot_id: bot.id, name: "Grace", email }),
    });
    expect(left.status).toBe(201);

    // The owner replies from the inbox.
    const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(ownerContext);
    await ownerContext.addCookies([{ name: "chatfolio_session", value: session, url: base }]);
    const dashboard = await ownerContext.newPage();
    await dashboard.goto(`${base}/dashboard/inbox`);
    await dashboard.locator('a[href^="/dashboard/inbox/"]').first().click();
    await hydrated(dashboard.getByTestId("reply-form"));
    await dashboard.getByRole("textbox", { name: "Reply" }).fill("March works. Let's talk on Monday.");
    await dashboard.getByRole("button", { name: "Send reply" }).click();
    await dashboard.getByTestId("owner-reply").getByText("March works").waitFor();

    // The scheduler runs the queue; the visitor's mail arrives with the link.
    const run = await fetch(`${base}/api/jobs/run`, {
      method: "POST",
      headers: { authorization: `Bearer ${CRON_SECRET}` },
    });
    expect(run.status).toBe(200);
    const link = linkIn(await smtp.waitFor(email), `/c/${bot.public_url_slug}`);

    // Another device: no cookie, the link alone.
    const visitor = await freshPage();
    await visitor.goto(link);
    const reply = visitor.locator('[data-testid="chat-message"][data-role="owner"]');
    await reply.getByText("March works. Let's talk on Monday.").waitFor();
    await expect.poll(() => reply.textContent()).toContain("Reply from the owner");
    await expect
      .poll(() => visitor.locator('[data-testid="chat-message"][data-role="user"]').allTextContents())
      .toEqual(["Can I hire her in March?"]);
    await visitor.screenshot({ path: await screenshotPath("reply-email-link-360.png") });
    const input = visitor.getByTestId("composer-input");
    await visitor.locator('[data-testid="chat"][data-ready="true"]').waitFor({ timeout: 15_000 });
    // Used, the token leaves the address bar: it isn't in the history or a copied link.
    expect(new URL(visitor.url()).searchParams.has("r")).toBe(false);
    expect(visitor.url()).toBe(`${base}/c/${bot.public_url_slug}`);
    await input.fill("Monday it is.");
    await input.press("Enter");
    await expect
      .poll(() => visitor.locator('[data-testid="chat-message"][data-role="assistant"]').count(), { timeout: 15_000 })
      .toBe(2);
    // Without the token, the browser stays that visitor: the conversation comes back on a plain visit.
    await visitor.goto(`${base}/c/${bot.public_url_slug}`);
    await expect
      .poll(() => visitor.locator('[data-testid="chat-message"][data-role="user"]').allTextContents())
      .toEqual(["Can I hire her in March?", "Monday it is."]);

    // The same link with its signature changed: a notice, and nothing of the conversation.
    const tampered = await freshPage();
    const url = new URL(link);
    const [payload, signature] = (url.searchParams.get("r") ?? "").split(".");
    url.searchParams.set("r", `${payload}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`);
    const response = await tampered.goto(url.toString());
    expect(response?.status()).toBe(200);
    await tampered.getByTestId("reply-link-notice").getByText("isn't one we can open").waitFor();
    expect(await tampered.locator('[data-role="owner"]').count()).toBe(0);
  });
});
