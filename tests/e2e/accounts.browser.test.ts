import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserAvailable, hydrated, launchBrowser } from "../support/browser";

describe.skipIf(!browserAvailable())("accounts in Chromium", () => {
  const baseUrl = inject("embeddedBaseUrl");
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs an owner up, keeps them signed in across reloads, and signs them out", async () => {
    const page = await (await browser.newContext()).newPage();
    const email = `browser-${randomUUID().slice(0, 8)}@example.test`;

    await page.goto(`${baseUrl}/dashboard`);
    await page.waitForURL(/\/login\?next=%2Fdashboard/);

    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.locator("[aria-invalid=true]").count()).toBe(2);

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(email);

    await page.reload();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(email);

    // Sign-out lives in the account menu, which needs the page hydrated to open.
    const account = page.getByRole("button", { name: `Account: ${email}` });
    await hydrated(account);
    await account.click();
    await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/dashboard"));
    await page.goto(`${baseUrl}/dashboard`);
    await page.waitForURL(/\/login/);

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(email);
  });
});
