import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningServer, startDevServer } from "@/scripts/next-server";
import { browserAvailable, hydrated, launchBrowser } from "../support/browser";
import { call, signUpOverHttp } from "../support/http-client";
import { ADA } from "../support/profiles";

// `npm run dev` is README's first command, and in it the public chat once never answered: React
// in development mounts, unmounts and mounts again (StrictMode), and the first message, sent from
// an effect, was lost with the first mount; no request ever left the page (issue 19). So the chat
// and the dashboard's preview are driven here against `next dev` (on an embedded database of its
// own) exactly as against the production server.

/** How long an answer may take once the page is ready: generous, the offline model needs far less. */
const ANSWER_MS = 20_000;
/** A cold `next dev` compiles each route and its chunks on first use; on 2 busy cores, minutes. */
const COMPILE_MS = 240_000;

const SERVERS = ["production", "next dev"] as const;
type ServerName = (typeof SERVERS)[number];

const production = inject("embeddedBaseUrl");

describe.skipIf(!browserAvailable())("the chat answers on next dev as on the production server", () => {
  let browser: Browser;
  let dev: RunningServer | undefined;
  let devDataDir: string | undefined;
  const contexts: BrowserContext[] = [];
  const baseUrls: Partial<Record<ServerName, string>> = { production };
  const baseUrlOf = (server: ServerName): string => {
    const base = baseUrls[server];
    if (!base) throw new Error(`${server} did not start`);
    return base;
  };
  const newPage = async (base: string, cookie?: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    if (cookie) {
      const split = cookie.indexOf("=");
      await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: base }]);
    }
    return context.newPage();
  };

  /**
   * Compiles what the tests use, so that the first test's waits measure the app and not Turbopack:
   * the API routes (a refused request compiles its route as well), the public page with the chat
   * engine's chunk (loaded on hover), and the bot editor with its preview. Nothing here depends on
   * an answer arriving: a chat that never answers fails in the tests, not here.
   */
  async function warmUp(base: string): Promise<void> {
    const compiles = (pathname: string, method = "POST") =>
      fetch(`${base}${pathname}`, {
        method,
        headers: { "content-type": "application/json", origin: base },
        body: "{}",
        signal: AbortSignal.timeout(COMPILE_MS),
      });
    for (const pathname of ["/api/chat", "/api/auth/signup", "/api/auth/token", "/api/chatbots"]) {
      expect((await compiles(pathname)).status).toBeLessThan(500);
    }
    expect((await compiles("/api/profile", "PUT")).status).toBeLessThan(500);

    const visitor = await newPage(base);
    await visitor.goto(`${base}/c/demo`, { timeout: COMPILE_MS });
    await chatReady(visitor, COMPILE_MS);
    await visitor.getByTestId("chat").hover();
    await visitor.waitForLoadState("networkidle", { timeout: COMPILE_MS });

    const { bot, cookie } = await ownerWithBot(base);
    const owner = await newPage(base, cookie);
    await owner.goto(`${base}/dashboard/chatbots/${bot}`, { timeout: COMPILE_MS });
    // hydrated() polls with expect, which a hook may not: the same check, waited for by the page.
    await owner.waitForFunction(
      () => {
        const input = document.querySelector('[data-testid="preview-input"]');
        return input !== null && Object.keys(input).some((key) => key.startsWith("__reactProps$"));
      },
      undefined,
      { timeout: COMPILE_MS },
    );
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    devDataDir = await fs.mkdtemp(path.join(os.tmpdir(), "chatfolio-dev-"));
    dev = await startDevServer({ DATABASE_URL: "", PGLITE_DATA_DIR: devDataDir });
    await warmUp(dev.baseUrl);
    baseUrls["next dev"] = dev.baseUrl;
  }, 900_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dev?.stop();
    if (devDataDir) await fs.rm(devDataDir, { recursive: true, force: true });
  });

  it.each(SERVERS)(
    "answers a visitor's starter question and typed follow-up on the public page, each sent once (%s)",
    async (server) => {
      const base = baseUrlOf(server);
      const page = await newPage(base);
      const sent = chatRequests(page);
      await page.goto(`${base}/c/demo`);
      await chatReady(page);

      // What was sent is polled with the answer, so a chat that never asks says so.
      const progress = async (answer: number) => ({
        sent: sent.length,
        answer:
          (await assistantMessages(page)
            .nth(answer)
            .textContent({ timeout: 1_000 })
            .catch(() => null)) ?? "",
      });
      await page.getByTestId("starter-question").filter({ hasText: "Where is she based?" }).click();
      await expect
        .poll(() => progress(0), { timeout: ANSWER_MS })
        .toEqual({ sent: 1, answer: expect.stringContaining("Lisbon") });
      await answerComplete(page);

      const input = page.getByTestId("composer-input");
      await input.fill("Which technologies does she use?");
      await input.press("Enter");
      await expect
        .poll(() => progress(1), { timeout: ANSWER_MS })
        .toEqual({ sent: 2, answer: expect.stringContaining("TypeScript") });
      await answerComplete(page);

      expect(await userMessages(page).allTextContents()).toEqual([
        "Where is she based?",
        "Which technologies does she use?",
      ]);
      expect(sent.map((body) => body.message)).toEqual(["Where is she based?", "Which technologies does she use?"]);
      // The follow-up continues the conversation the first answer began.
      expect(sent[0].conversation_id).toBeNull();
      expect(sent[1].conversation_id).toEqual(expect.any(String));
    },
    120_000,
  );

  it.each(SERVERS)(
    "answers the owner in the dashboard's preview, a starter question and a typed one, each sent once (%s)",
    async (server) => {
      const base = baseUrlOf(server);
      const { bot, cookie } = await ownerWithBot(base);
      const page = await newPage(base, cookie);
      const sent = chatRequests(page);
      await page.goto(`${base}/dashboard/chatbots/${bot}`);
      const preview = page.getByTestId("chatbot-preview");
      await hydrated(preview.getByTestId("preview-input"));

      const progress = async () => ({
        sent: sent.length,
        answer: (await preview.locator('[data-role="assistant"]').last().textContent({ timeout: 1_000 })) ?? "",
      });

      await preview.getByRole("button", { name: "What are their main skills?" }).click();
      await expect
        .poll(progress, { timeout: ANSWER_MS })
        .toEqual({ sent: 1, answer: expect.stringContaining("TypeScript") });

      await preview.getByTestId("preview-input").fill("Where is she based?");
      await preview.getByRole("button", { name: "Send" }).click();
      await expect
        .poll(progress, { timeout: ANSWER_MS })
        .toEqual({ sent: 2, answer: expect.stringContaining("Lisbon") });

      expect(sent.map((body) => body.message)).toEqual(["What are their main skills?", "Where is she based?"]);
      expect(sent.every((body) => body.preview !== undefined)).toBe(true);
    },
    120_000,
  );
});

const assistantMessages = (page: Page) => page.locator('[data-testid="chat-message"][data-role="assistant"]');
const userMessages = (page: Page) => page.locator('[data-testid="chat-message"][data-role="user"]');

/** The chat is hydrated: its server-rendered buttons answer clicks only from then on. */
async function chatReady(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('[data-testid="chat"][data-ready="true"]').waitFor({ timeout });
}

/** The last answer is whole and the chat takes the next message. */
async function answerComplete(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId("send-button").count(), { timeout: ANSWER_MS }).toBe(1);
  await expect.poll(() => page.getByTestId("typing").count()).toBe(0);
}

/** The bodies of the page's POST /api/chat requests, as they leave, for counting them. */
function chatRequests(page: Page): Array<Record<string, unknown>> {
  const bodies: Array<Record<string, unknown>> = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/chat") {
      bodies.push(request.postDataJSON() as Record<string, unknown>);
    }
  });
  return bodies;
}

/** A new owner with Ada's profile and a chatbot (default starter questions), and their session cookie. */
async function ownerWithBot(base: string): Promise<{ bot: string; cookie: string }> {
  const server = { baseUrl: base };
  const owner = await signUpOverHttp(server, "dev");
  expect((await call(server, "/api/profile", { method: "PUT", body: ADA, token: owner.token })).status).toBe(200);
  const created = await call(server, "/api/chatbots", { body: { name: "Ask Ada" }, token: owner.token });
  expect(created.status).toBe(201);
  return { bot: ((await created.json()) as { id: string }).id, cookie: owner.cookie };
}
