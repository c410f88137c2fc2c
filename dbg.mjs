import { chromium } from "playwright-core";
import { gzipSync } from "node:zlib";
const base = "http://localhost:3917";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu"] });
const page = await (await browser.newContext()).newPage();
await page.goto(`${base}/signup`);
await page.getByLabel("Email").fill(`dbg-${Date.now()}@example.test`);
await page.getByLabel("Password").fill("a-long-enough-password");
await page.getByRole("button", { name: "Create account" }).click();
await page.waitForURL(`${base}/dashboard`);
for (const url of ["/dashboard/inbox", "/dashboard"]) {
  const p = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  const pending = [];
  p.on("response", (r) => { if (r.request().resourceType() === "script") pending.push(r.body().then(b => [r.url().split("/").pop(), gzipSync(b).length]).catch(() => null)); });
  await p.goto(base + url, { waitUntil: "load" }); await p.waitForTimeout(3000);
  const all = (await Promise.all(pending)).filter(Boolean);
  console.log(url, (all.reduce((s, [, n]) => s + n, 0) / 1024).toFixed(1), all.map(([u, n]) => `${u}:${(n/1024).toFixed(1)}`).join(" "));
}
await browser.close();
