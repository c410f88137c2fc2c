import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "@/scripts/next-server";
import { seriousAccessibilityProblems } from "../support/axe";
import { browserAvailable, hydrated, launchBrowser, screenshotPath } from "../support/browser";
import { linkIn, type SmtpStub, startSmtpStub } from "../support/smtp-server";

// The account pages as an owner uses them, on the production server with a local SMTP server as
// its mail provider: API keys, a password change, a forgotten password, and deleting the account.

/** Each page at 360 and 1280 px, light and dark: a screenshot, and axe finds nothing serious. */
async function checkPage(page: Page, name: string): Promise<void> {
  const problems: string[] = [];
  for (const width of [1280, 360]) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({
        path: await screenshotPath(`${name}-${width}-${scheme}.png`),
        fullPage: true,
        animations: "disabled",
      });
      for (const problem of await seriousAccessibilityProblems(page)) {
        problems.push(`${name} ${width} ${scheme}: ${problem.rule} (${problem.impact}) ${problem.targets.join(", ")}`);
      }
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  expect(problems).toEqual([]);
}

describe.skipIf(!browserAvailable())("the owner's account in Chromium", () => {
  let smtp: SmtpStub;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  const email = `account-${randomUUID().slice(0, 8)}@example.test`;
  let password = "first password 1";

  beforeAll(async () => {
    smtp = await startSmtpStub();
    server = await startServer({
      DATABASE_URL: "",
      PGLITE_DATA_DIR: "memory://",
      SMTP_URL: smtp.url,
      EMAIL_FROM: "Chatfolio <no-reply@chatfolio.test>",
    });
    base = server.baseUrl;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  async function signIn(withPassword: string): Promise<void> {
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(withPassword);
    await hydrated(page.getByRole("button", { name: "Sign in" }));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/dashboard`);
  }

  it("creates an API key shown once with a copy button, lists it, and revokes it", async () => {
    await page.goto(`${base}/signup`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${base}/dashboard`);

    await page.goto(`${base}/dashboard/settings/keys`);
    const settingsNav = page.getByRole("navigation", { name: "Settings" });
    expect(await settingsNav.getByRole("link", { name: "API keys" }).getAttribute("aria-current")).toBe("page");
    await page.getByRole("heading", { name: "No API keys yet" }).waitFor();
    await checkPage(page, "settings-keys-empty");

    await page.getByLabel("Key name").fill("Zapier");
    await page.getByLabel(/^Read and write/).check();
    const create = page.getByRole("button", { name: "Create key" });
    await hydrated(create);
    await create.click();
    const shown = page.getByLabel("New API key");
    await shown.waitFor();
    const key = await shown.inputValue();
    expect(key).toMatch(/^cfk_[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    const row = page.getByRole("row", { name: /Zapier/ });
    await row.waitFor();
    expect(await row.textContent()).toContain("Never");
    expect(await row.textContent()).toContain("Read and write");
    await checkPage(page, "settings-keys-created");

    // The key works, and once the notice is gone it is nowhere on the page, nor after a reload.
    const used = await fetch(`${base}/api/keys`, { headers: { authorization: `Bearer ${key}` } });
    expect(used.status).toBe(200);
    await page.getByRole("button", { name: "Done" }).click();
    expect(await page.content()).not.toContain(key);
    await page.reload();
    expect(await page.content()).not.toContain(key);
    expect(await page.getByRole("row", { name: /Zapier/ }).textContent()).toMatch(/UTC/);

    const revoke = page.getByRole("button", { name: "Revoke Zapier" });
    await hydrated(revoke);
    await revoke.click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
    await page.getByRole("heading", { name: "No API keys yet" }).waitFor();
    expect((await fetch(`${base}/api/keys`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
  });

  it("changes the password, and signs in with the new one", async () => {
    await page.goto(`${base}/dashboard/settings`);
    await checkPage(page, "settings-account");
    await page.getByLabel("Current password").nth(1).fill(password);
    await page.getByLabel("New password", { exact: true }).fill("second password 2");
    const change = page.getByRole("button", { name: "Change password" });
    await hydrated(change);
    await change.click();
    await page.getByText("Password changed. Every other session has been signed out.").waitFor();
    password = "second password 2";

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL(`${base}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("first password 1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Incorrect email or password.").waitFor();
    await signIn(password);
  });

  it("resets a forgotten password through the emailed link", async () => {
    await page.goto(`${base}/dashboard/settings`);
    const out = page.getByRole("button", { name: "Sign out everywhere" });
    await hydrated(out);
    await out.click();
    await page.waitForURL(`${base}/login`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL(`${base}/forgot-password`);
    await checkPage(page, "forgot-password");
    await page.getByLabel("Email").fill(email);
    const send = page.getByRole("button", { name: "Send reset link" });
    await hydrated(send);
    await send.click();
    await page.getByText(`If ${email} has an account`).waitFor();

    const link = linkIn(await smtp.waitFor(email), "/reset-password");
    expect(link.startsWith(`${base}/reset-password?token=`)).toBe(true);
    await page.goto(link);
    await checkPage(page, "reset-password");
    await page.getByLabel("New password", { exact: true }).fill("third password 3");
    const set = page.getByRole("button", { name: "Set new password" });
    await hydrated(set);
    await set.click();
    await page.waitForURL(`${base}/dashboard`);
    password = "third password 3";

    // The link worked once.
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("fourth password 4");
    await hydrated(page.getByRole("button", { name: "Set new password" }));
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.getByText("This reset link has expired or was used already.").waitFor();
  });

  it("deletes the account after the email is typed", async () => {
    await page.goto(`${base}/dashboard/settings`);
    const remove = page.getByRole("button", { name: "Delete my account" });
    await hydrated(remove);
    await page.getByLabel(`Type ${email} to confirm`).fill("someone@else.test");
    await remove.click();
    await page.getByText("Type your account's email address exactly, to confirm.").waitFor();
    await page.getByLabel(`Type ${email} to confirm`).fill(email);
    await remove.click();
    await page.waitForURL(`${base}/signup?deleted=1`);

    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Incorrect email or password.").waitFor();
  });
});
