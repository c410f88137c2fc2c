import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seriousAccessibilityProblems } from "../support/axe";
import { browserAvailable, hydrated, launchBrowser, screenshotPath } from "../support/browser";

// A new owner, as a person would: sign up, write the profile, create a chatbot, try it in the
// preview, share it, see a visitor's conversation counted, delete a bot. Every page is scanned for
// accessibility problems and photographed at 360 and 1280 px, light and dark.

const baseUrl = inject("embeddedBaseUrl");

async function snapshots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: await screenshotPath(`${name}-${width}-${scheme}.png`), fullPage: true });
      expect(await seriousAccessibilityProblems(page), `${name} ${width} ${scheme}`).toEqual([]);
    }
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${width} px`,
    ).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
}

describe.skipIf(!browserAvailable())("the owner's dashboard: profile and chatbots", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    return context.newPage();
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it("takes a new owner from sign-up to a shared, working bot", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/signup`);
    await page.getByLabel("Email").fill(`bots-${randomUUID().slice(0, 8)}@example.test`);
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    const checklist = page.getByTestId("onboarding-checklist");
    await checklist.waitFor();
    expect(await checklist.textContent()).toContain("0 of 4 done");
    await snapshots(page, "overview-new");

    // The profile: a name too long is refused at the field, then a good one is saved.
    await checklist.getByRole("link", { name: "Write your profile" }).click();
    await page.waitForURL(`${baseUrl}/dashboard/profile`);
    const save = page.getByRole("button", { name: "Save profile" });
    await hydrated(save);
    await page.getByLabel("Name").fill("N".repeat(150));
    await page.getByLabel("Bio").fill("Grace builds compilers and teaches.");
    await save.click();
    await page.getByText("name must be at most 100 characters.", { exact: true }).waitFor();
    expect(await page.getByLabel("Name").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Name").fill("Grace Hopper");
    await page.getByLabel("Location").fill("Arlington, Virginia");
    await page.getByLabel("Skills").fill("COBOL, compilers, teaching.");
    await page.getByLabel("Experience").fill("She worked at the Navy for 43 years.");
    await page.getByLabel("Interests").fill("Nanoseconds.");
    // Leaving with unsaved changes asks first; staying keeps them.
    const asked = new Promise<string>((resolve) =>
      page.once("dialog", async (dialog) => {
        resolve(dialog.message());
        await dialog.dismiss();
      }),
    );
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview" }).first().click();
    expect(await asked).toMatch(/unsaved changes/);
    expect(page.url()).toBe(`${baseUrl}/dashboard/profile`);
    expect(await page.getByLabel("Interests").inputValue()).toBe("Nanoseconds.");
    await save.click();
    await page.getByText("All changes saved").waitFor();
    await snapshots(page, "profile");

    // A chatbot, with its slug checked while typing.
    await page.goto(`${baseUrl}/dashboard/chatbots/new`);
    const create = page.getByRole("button", { name: "Create chatbot" });
    await hydrated(create);
    await page.getByLabel("Name", { exact: true }).fill("Ask Grace");
    const slug = `grace-${randomUUID().slice(0, 6)}`;
    await page.getByLabel("Public address").fill("demo");
    await expect.poll(() => page.getByText("/c/demo is taken: choose another.").count(), { timeout: 10_000 }).toBe(1);
    await page.getByLabel("Public address").fill(slug);
    await expect
      .poll(() => page.getByTestId("slug-status").textContent(), { timeout: 10_000 })
      .toBe(`/c/${slug} is available.`);
    // Starter questions: added, then reordered from the keyboard, focus following the question.
    const questionBoxes = page.getByRole("textbox", { name: /^Starter question \d$/ });
    const existing = await questionBoxes.count();
    await page.getByRole("button", { name: "Add a question" }).click();
    await questionBoxes.nth(existing).fill("What are you building now?");
    await page.getByRole("button", { name: `Move question ${existing + 1} up` }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => questionBoxes.nth(existing - 1).inputValue()).toBe("What are you building now?");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toMatch(new RegExp(`^Move question ${existing} (up|down)$`));
    await snapshots(page, "chatbot-new");
    await create.click();
    await page.waitForURL(/\/dashboard\/chatbots\/[0-9a-f-]{36}\?created=1$/);

    // The preview answers with the form's unsaved welcome message and from the profile.
    const preview = page.getByTestId("chatbot-preview");
    const welcome = page.getByLabel("Welcome message");
    await hydrated(welcome);
    await welcome.fill("Hello from the unsaved form!");
    await preview.getByText("Hello from the unsaved form!").waitFor();
    await preview.getByTestId("preview-input").fill("Where is she based?");
    await preview.getByRole("button", { name: "Send" }).click();
    await expect
      .poll(() => preview.locator('[data-role="assistant"]').last().textContent(), { timeout: 20_000 })
      .toContain("Arlington");
    // Speaking as the owner: the same question, answered in the first person.
    await page.getByRole("combobox", { name: "Voice" }).click();
    await page.getByRole("option", { name: "You, first person" }).click();
    await preview.getByTestId("preview-input").fill("Where is she based?");
    await preview.getByRole("button", { name: "Send" }).click();
    await expect
      .poll(() => preview.locator('[data-role="assistant"]').last().textContent(), { timeout: 20_000 })
      .toContain("I'm based in Arlington");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("All changes saved").waitFor();

    // Share: the link (copied), the QR code and the embed snippet all name the public page.
    const link = await page.getByTestId("share-link").textContent();
    expect(link).toBe(`${baseUrl.replace("127.0.0.1", "localhost")}/c/${slug}`);
    await page.getByRole("button", { name: "Copy link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await page.getByRole("img", { name: `QR code for ${link}` }).count()).toBe(1);
    await page.getByRole("tab", { name: "Embed" }).click();
    expect(await page.getByTestId("embed-snippet").textContent()).toContain(`data-chatbot="${slug}"`);
    expect(await page.getByRole("cell", { name: "data-position" }).count()).toBe(1);
    await page.getByRole("tab", { name: "AI assistants" }).click();
    const mcpUrl = link?.replace(`/c/${slug}`, `/api/mcp/bots/${slug}`);
    expect(await page.getByTestId("mcp-url").textContent()).toBe(mcpUrl);
    expect(JSON.parse((await page.getByTestId("mcp-config").textContent()) ?? "")).toEqual({
      mcpServers: { [slug]: { type: "http", url: mcpUrl } },
    });
    await snapshots(page, "chatbot-edit");

    // What the editor and the profile cost to load, reported (the issue sets a budget only for the
    // inbox): the scripts fetched until the load event, gzipped here. Not "networkidle": the
    // navigation prefetches every dashboard page, which under load keeps the network busy.
    const weigher = await page.context().newPage();
    for (const path of [new URL(page.url()).pathname, "/dashboard/profile"]) {
      const weights: Array<Promise<number>> = [];
      const weigh = (response: Response) => {
        if (response.request().resourceType() === "script")
          weights.push(
            response.body().then(
              (body) => gzipSync(body).length,
              () => 0,
            ),
          );
      };
      weigher.on("response", weigh);
      await weigher.goto(`${baseUrl}${path}`, { waitUntil: "load" });
      weigher.off("response", weigh);
      const sizes = await Promise.all(weights);
      const total = sizes.reduce((sum, size) => sum + size, 0);
      console.info(
        `[weight] ${path} first-load JS: ${(total / 1024).toFixed(1)} KB gzipped in ${sizes.length} scripts`,
      );
      expect(total).toBeGreaterThan(0);
    }
    await weigher.close();

    // A visitor, in a browser of their own, chats on the public page.
    const visitor = await newPage();
    await visitor.goto(`${baseUrl}/c/${slug}`);
    await visitor.locator('[data-testid="chat"][data-ready="true"]').waitFor({ timeout: 15_000 });
    await visitor.getByTestId("composer-input").fill("What does she do?");
    await visitor.getByTestId("composer-input").press("Enter");
    await expect
      .poll(() => visitor.locator('[data-testid="chat-message"][data-role="assistant"]').count(), { timeout: 20_000 })
      .toBe(1);

    // Back on the overview: every step done, so the checklist is gone; the visitor's message counts.
    await page.goto(`${baseUrl}/dashboard`);
    const card = page.getByTestId("chatbot-card").filter({ hasText: "Ask Grace" });
    await card.waitFor();
    expect(await page.getByTestId("onboarding-checklist").count()).toBe(0);
    expect(await card.textContent()).toMatch(/Messages, 7 days\s*1/);
    await snapshots(page, "overview");

    // Deleting asks for the name.
    await card.getByRole("link", { name: "Ask Grace" }).click();
    const remove = page.getByRole("button", { name: "Delete chatbot…" });
    await hydrated(remove);
    await remove.click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByTestId("delete-confirm-name").fill("Ask Grac");
    await dialog.getByRole("button", { name: "Delete chatbot" }).click();
    await page.getByRole("region", { name: "Notifications" }).getByText("The name doesn't match").first().waitFor();
    await dialog.getByTestId("delete-confirm-name").fill("Ask Grace");
    await dialog.getByRole("button", { name: "Delete chatbot" }).click();
    await page.waitForURL(`${baseUrl}/dashboard?deleted=1`);
    expect(await page.getByTestId("chatbot-card").count()).toBe(0);
    expect((await visitor.goto(`${baseUrl}/c/${slug}`))?.status()).toBe(404);
  }, 240_000);
});
