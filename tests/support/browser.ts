import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Whether the browser tests can run. Without Chromium they are skipped, loudly, so nobody takes a
 * green run for a tested UI; CI sets CHATFOLIO_REQUIRE_BROWSER=1 and a missing browser fails it.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CHATFOLIO_REQUIRE_BROWSER === "1") {
    throw new Error(`CHATFOLIO_REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} is missing: apt-get install -y chromium`);
  }
  console.warn(
    [
      "",
      "#".repeat(78),
      `#  BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} not found.`,
      "#  The public chat page and the widget were NOT tested in a browser.",
      "#  Install Debian's Chromium (apt-get install -y chromium) to run them.",
      "#".repeat(78),
      "",
    ].join("\n"),
  );
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
}

/**
 * Waits until React has hydrated the element. Server-rendered controls are visible (so Playwright
 * deems them clickable) before React listens to them, and a press before that is lost; React
 * marks each element it has taken over with a `__reactProps$…` property.
 */
export async function hydrated(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps$"))), {
      timeout: 15_000,
    })
    .toBe(true);
}

/** Where screenshots go: test-results/ (git-ignored), kept as the run's artifacts. */
export async function screenshotPath(name: string): Promise<string> {
  const directory = path.join(process.cwd(), "test-results", "browser");
  await mkdir(directory, { recursive: true });
  return path.join(directory, name);
}

/** A plain page served on 127.0.0.1, another site than the app on localhost. */
export async function serveHtml(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ScriptWeight {
  url: string;
  gzipBytes: number;
}

/**
 * Loads url and weighs every script it fetched until the network went quiet (or, for a page that
 * polls and so never goes quiet for Playwright, for `settleMs` after its load event), gzipped here with
 * zlib's default level (the server may or may not have compressed them on the wire).
 */
export async function firstLoadScripts(
  page: Page,
  url: string,
  { settleMs }: { settleMs?: number } = {},
): Promise<ScriptWeight[]> {
  const pending: Array<Promise<ScriptWeight | null>> = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response.body().then(
        (body) => ({ url: response.url(), gzipBytes: gzipSync(body).length }),
        () => null,
      ),
    );
  });
  if (settleMs === undefined) await page.goto(url, { waitUntil: "networkidle" });
  else {
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(settleMs);
  }
  return (await Promise.all(pending)).filter((weight): weight is ScriptWeight => weight !== null);
}
