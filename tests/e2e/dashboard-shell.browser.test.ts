import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "../support/axe";
import { browserAvailable, hydrated, launchBrowser, screenshotPath } from "../support/browser";

const baseUrl = inject("embeddedBaseUrl");
const NAV_LABELS = ["Overview", "Inbox", "Questions", "Knowledge", "Contacts", "Profile", "Settings"];

/** Signs a new owner up through the form, as a person would, and waits for the dashboard. */
async function signUp(page: Page): Promise<string> {
  const email = `shell-${randomUUID().slice(0, 8)}@example.test`;
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/dashboard`);
  return email;
}

/** What has keyboard focus, and whether it shows it (the page-wide ring of globals.css). */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      name: element.getAttribute("aria-label") ?? element.textContent?.trim() ?? "",
      focusVisible: element.matches(":focus-visible"),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      inDialog: element.closest('[role="dialog"]') !== null,
    };
  });
}

const navigation = (scope: Page | Locator) => scope.getByRole("navigation", { name: "Dashboard" });

describe.skipIf(!browserAvailable())("dashboard shell in Chromium", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async (width: number, height: number) => {
    const context = await browser.newContext({ viewport: { width, height } });
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

  it("shows the navigation beside the page at 1280 px, usable by keyboard, in light and dark", async () => {
    const page = await newPage(1280, 800);
    const email = await signUp(page);

    const nav = navigation(page);
    await nav.waitFor();
    expect(await nav.getByRole("link").allTextContents()).toEqual(NAV_LABELS);
    expect(await nav.getByRole("link", { name: "Overview" }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Inbox" }).getAttribute("aria-current")).toBeNull();
    expect(await page.getByRole("button", { name: "Open navigation" }).isVisible()).toBe(false);
    await page.getByRole("heading", { name: "You have no chatbots yet" }).waitFor();

    // The keyboard's way in: a skip link first, then the navigation, each with a visible ring.
    const account = page.getByRole("button", { name: `Account: ${email}` });
    await hydrated(account);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ name: "Skip to content", focusVisible: true, outline: "solid 2px" });
    expect((await page.getByRole("link", { name: "Skip to content" }).boundingBox())?.width).toBeGreaterThan(50);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ name: "Overview", focusVisible: true, outline: "solid 2px" });
    await page.screenshot({ path: await screenshotPath("dashboard-1280-focus.png"), animations: "disabled" });

    // The account menu: Enter opens it on its first item, Escape closes it and gives focus back.
    await account.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await menu.waitFor();
    expect(await menu.getByRole("menuitem").allTextContents()).toEqual([
      "Profile",
      "Settings",
      "Sign out",
      "Sign out everywhere",
    ]);
    await expect.poll(async () => (await focused(page))?.name).toBe("Profile");
    await page.keyboard.press("ArrowDown");
    await expect.poll(async () => (await focused(page))?.name).toBe("Settings");
    await page.screenshot({ path: await screenshotPath("dashboard-1280-account-menu.png"), animations: "disabled" });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "hidden" });
    expect((await focused(page))?.name).toBe(`Account: ${email}`);

    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: await screenshotPath("dashboard-1280-dark.png"), animations: "disabled" });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // With a chatbot the overview shows it as a card (the context's request shares its cookies).
    const created = await page.request.post(`${baseUrl}/api/chatbots`, {
      headers: { origin: baseUrl },
      data: { name: "Portfolio bot", is_public: false },
    });
    expect(created.status()).toBe(201);
    await page.reload();
    const card = page.getByTestId("chatbot-card").filter({ hasText: "Portfolio bot" });
    await card.waitFor();
    expect(await card.textContent()).toContain("Private");
    expect(await page.getByRole("link", { name: "New chatbot" }).getAttribute("href")).toBe("/dashboard/chatbots/new");
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });
    await page.screenshot({ path: await screenshotPath("dashboard-1280.png"), animations: "disabled" });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  }, 120_000);

  it("folds the navigation into a drawer at 360 px that opens and closes by keyboard", async () => {
    const page = await newPage(360, 740);
    await page.emulateMedia({ colorScheme: "dark" });
    await signUp(page);

    const openNavigation = page.getByRole("button", { name: "Open navigation" });
    await openNavigation.waitFor();
    expect(await navigation(page).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: await screenshotPath("dashboard-360-dark.png"), animations: "disabled" });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await hydrated(openNavigation);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ name: "Open navigation", focusVisible: true, outline: "solid 2px" });
    await page.keyboard.press("Enter");

    const drawer = page.getByRole("dialog", { name: "Chatfolio" });
    await drawer.waitFor();
    expect(await navigation(drawer).getByRole("link").allTextContents()).toEqual(NAV_LABELS);
    expect(await drawer.getByRole("link", { name: "Overview" }).getAttribute("aria-current")).toBe("page");
    await expect.poll(async () => (await focused(page))?.inDialog).toBe(true);
    // Focus stays inside while it is open: once round all of its links and its close button.
    // Base UI's focus guards move focus back in on the next frame, so the check waits for it.
    for (let step = 0; step <= NAV_LABELS.length; step++) await page.keyboard.press("Tab");
    await expect.poll(async () => (await focused(page))?.inDialog).toBe(true);
    expect(await focused(page)).toMatchObject({ inDialog: true, focusVisible: true });
    await page.screenshot({ path: await screenshotPath("dashboard-360-dark-navigation.png"), animations: "disabled" });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
    expect((await focused(page))?.name).toBe("Open navigation");

    // Following a link closes the drawer.
    await page.keyboard.press("Enter");
    await drawer.waitFor();
    await drawer.getByRole("link", { name: "Overview" }).click();
    await drawer.waitFor({ state: "hidden" });

    // Signing out everywhere from the account menu in the top bar.
    const account = page.getByRole("button", { name: /^Account: / });
    await account.click();
    await page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${baseUrl}/dashboard`);
    await page.waitForURL(/\/login\?next=%2Fdashboard/);
  }, 120_000);
});
