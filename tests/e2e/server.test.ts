import { describe, expect, inject, it } from "vitest";

describe("production server on the embedded database", () => {
  const baseUrl = inject("embeddedBaseUrl");

  it("reports health with the active backends", async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok", auth: "builtin", model: "offline" });
  });

  it("creates the demo bot on first start and serves it at /c/demo", async () => {
    const response = await fetch(`${baseUrl}/c/demo`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Ask about Ada");
    expect(html).toContain("<title>Ask about Ada · Chatfolio</title>");
  });

  it("answers an unknown slug with the 404 page", async () => {
    const response = await fetch(`${baseUrl}/c/no-such-bot`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });

  it("answers slugs that cannot name a bot with the 404 page, never a 500", async () => {
    for (const slug of ["%00", "demo%00", "a".repeat(65), "-demo", "de--mo"]) {
      expect((await fetch(`${baseUrl}/c/${slug}`)).status, slug).toBe(404);
      expect((await fetch(`${baseUrl}/c/${slug}/opengraph-image`)).status, slug).toBeLessThan(500);
    }
  });

  it("replaces a visitor cookie the server didn't sign, and keeps one it did", async () => {
    const visitorCookie = (response: Response) =>
      response.headers.getSetCookie().find((entry) => entry.startsWith("chatfolio_visitor="));
    const first = visitorCookie(await fetch(`${baseUrl}/c/demo`));
    const value = first?.split(";")[0].split("=")[1] ?? "";
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{22}$/);
    const kept = await fetch(`${baseUrl}/c/demo`, { headers: { cookie: `chatfolio_visitor=${value}` } });
    expect(visitorCookie(kept)).toBeUndefined();
    const planted = await fetch(`${baseUrl}/c/demo`, {
      headers: { cookie: `chatfolio_visitor=${value.split(".")[0]}` },
    });
    expect(visitorCookie(planted)).toMatch(/^chatfolio_visitor=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{22};/);
  });

  it("forbids framing everywhere but the embeddable chat", async () => {
    const page = await fetch(`${baseUrl}/c/demo`);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    const embed = await fetch(`${baseUrl}/c/demo/embed`);
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(embed.headers.get("x-frame-options")).toBeNull();
  });

  it("gives every page a script policy by nonce, and the headers that keep browsers careful", async () => {
    for (const path of ["/", "/login", "/c/demo"]) {
      const response = await fetch(`${baseUrl}${path}`);
      const policy = response.headers.get("content-security-policy") ?? "";
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(policy)?.[1];
      expect(nonce, path).toBeDefined();
      const html = await response.text();
      // Next puts the nonce on its scripts; a script without it would not run.
      expect(html, path).toContain(`nonce="${nonce}"`);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
      // Plain http here: no HSTS (a browser would ignore it anyway) and no upgrade of requests.
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
    const second = await fetch(`${baseUrl}/c/demo`);
    const first = await fetch(`${baseUrl}/c/demo`);
    expect(second.headers.get("content-security-policy")).not.toBe(first.headers.get("content-security-policy"));
  });
});

describe.skipIf(!inject("postgresBaseUrl"))("production server on DATABASE_URL", () => {
  it("reports health on PostgreSQL", async () => {
    const response = await fetch(`${inject("postgresBaseUrl")}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
  });
});

describe("client addresses on the production server", () => {
  const baseUrl = inject("embeddedBaseUrl");

  it("does not believe a client's own X-Forwarded-For without TRUST_PROXY", async () => {
    // Were the forged address believed, these eleven sign-in attempts from "one address" would
    // exhaust its budget of ten; the real address is loopback, which has no per-IP budget.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const response = await fetch(`${baseUrl}/api/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" },
        body: JSON.stringify({ email: `nobody-${attempt}@example.test`, password: "wrong-password" }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array(11).fill(401));
  });
});
