import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "@/scripts/next-server";
import { seriousAccessibilityProblems } from "../support/axe";
import { browserAvailable, hydrated, launchBrowser, screenshotPath } from "../support/browser";

// Settings → Webhooks as an owner uses it, on the production server, with a local receiver that
// verifies each delivery's Standard Webhooks signature (ALLOW_PRIVATE_NETWORK_FETCH lets the
// server reach loopback).

describe.skipIf(!browserAvailable())("webhooks in Chromium", () => {
  let server: RunningServer;
  let receiver: http.Server;
  let receiverUrl: string;
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    receiver = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
        response.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    server = await startServer({ DATABASE_URL: "", PGLITE_DATA_DIR: "memory://", ALLOW_PRIVATE_NETWORK_FETCH: "1" });
    base = server.baseUrl;
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  async function checkPage(name: string): Promise<void> {
    const problems: string[] = [];
    for (const width of [1280, 360]) {
      for (const scheme of ["light", "dark"] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: await screenshotPath(`${name}-${width}-${scheme}.png`), fullPage: true });
        for (const problem of await seriousAccessibilityProblems(page)) {
          problems.push(`${name} ${width} ${scheme}: ${problem.rule} ${problem.targets.join(", ")}`);
        }
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: "light" });
    expect(problems).toEqual([]);
  }

  it("adds an endpoint (secret shown once), sends a signed test event, logs it, and deletes the endpoint", async () => {
    await page.goto(`${base}/signup`);
    await page.getByLabel("Email").fill(`hooks-${randomUUID().slice(0, 8)}@example.test`);
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${base}/dashboard`);

    await page.goto(`${base}/dashboard/settings/webhooks`);
    const nav = page.getByRole("navigation", { name: "Settings" });
    expect(await nav.getByRole("link", { name: "Webhooks" }).getAttribute("aria-current")).toBe("page");
    await page.getByRole("heading", { name: "No webhook endpoints yet" }).waitFor();
    await checkPage("settings-webhooks-empty");

    await page.getByLabel("Endpoint URL").fill(receiverUrl);
    await page.getByLabel("Description").fill("CRM");
    await page.getByRole("checkbox", { name: /couldn’t answer/ }).check();
    const add = page.getByRole("button", { name: "Add endpoint" });
    await hydrated(add);
    await add.click();
    const shown = page.getByRole("textbox", { name: "Signing secret" });
    await shown.waitFor();
    const secret = await shown.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    const test = page.getByRole("button", { name: `Send test event to ${receiverUrl}` });
    await hydrated(test);
    await test.click();
    await page.getByText("Test event delivered").waitFor();
    await page.getByRole("row", { name: /webhook\.test.*Delivered \(200\)/ }).waitFor();
    expect(received).toHaveLength(1);
    const [delivery] = received;
    const verified = new Webhook(secret).verify(delivery.body, {
      "webhook-id": String(delivery.headers["webhook-id"]),
      "webhook-timestamp": String(delivery.headers["webhook-timestamp"]),
      "webhook-signature": String(delivery.headers["webhook-signature"]),
    });
    expect(verified).toMatchObject({ type: "webhook.test" });
    await checkPage("settings-webhooks-delivered");

    // The secret was shown once: after a reload it is nowhere on the page.
    await page.reload();
    expect(await page.content()).not.toContain(secret.slice(6));
    await page.getByRole("heading", { name: receiverUrl }).waitFor();

    const remove = page.getByRole("button", { name: `Delete ${receiverUrl}` });
    await hydrated(remove);
    await remove.click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete endpoint" }).click();
    await page.getByRole("heading", { name: "No webhook endpoints yet" }).waitFor();
  });
});
