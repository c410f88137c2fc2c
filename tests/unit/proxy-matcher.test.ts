import { unstable_doesMiddlewareMatch as proxyRuns } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/builtin/session-cookie";
import { config } from "@/proxy";

// proxy.ts costs every request it runs on (issue 11 measured 0.5 ms of CPU); Next decides where it
// runs from config.matcher alone, so these ask Next's own matcher.
describe("where proxy.ts runs", () => {
  it("runs on pages, the dashboard and chat pages included, with or without a session", () => {
    for (const url of ["http://localhost/", "http://localhost/dashboard/inbox", "http://localhost/c/demo?embed=1"]) {
      expect(proxyRuns({ config, url })).toBe(true);
      expect(proxyRuns({ config, url, cookies: { [SESSION_COOKIE]: "x" } })).toBe(true);
    }
  });

  it("skips API calls that carry no built-in session cookie: integrations, the widget's chat, health", () => {
    for (const url of ["http://localhost/api/chat", "http://localhost/api/health", "http://localhost/api/chatbots/x"]) {
      expect(proxyRuns({ config, url })).toBe(false);
      expect(proxyRuns({ config, url, headers: { authorization: "Bearer cfk_x" } })).toBe(false);
      expect(proxyRuns({ config, url, cookies: { "sb-project-auth-token": "x" } })).toBe(false);
    }
  });

  it("runs on API calls with the built-in session cookie, whose expiry it keeps moving", () => {
    expect(proxyRuns({ config, url: "http://localhost/api/profile", cookies: { [SESSION_COOKIE]: "x" } })).toBe(true);
  });

  it("skips static assets", () => {
    expect(proxyRuns({ config, url: "http://localhost/_next/static/chunks/app.js" })).toBe(false);
    expect(proxyRuns({ config, url: "http://localhost/favicon.ico" })).toBe(false);
  });
});
