import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, setPasswordCostForTests, verifyPassword } from "@/lib/auth/builtin/password";
import { safeNextPath } from "@/lib/auth/next-path";
import { assertServerConfiguration, parseEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/request-facts";
import { authSecret, resetAuthSecretForTests } from "@/lib/secret";
import { setEnv } from "../support/auth";

describe("safeNextPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeNextPath("/dashboard/bots?tab=2#top")).toBe("/dashboard/bots?tab=2#top");
    expect(safeNextPath("/dashboard/../c/demo")).toBe("/c/demo");
  });

  it("refuses anything that could leave the site", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "/\tevil",
      "",
      undefined,
      ["/dashboard"],
      "dashboard",
      // Dot segments, plain or percent-encoded, that normalise into a protocol-relative URL.
      "/.//evil.example/x",
      "/./%2e//evil.example",
      "/%2e//evil.example",
      "/%2E%2E//evil.example/x",
      "/a/..//evil.example",
      "/a/%2e%2e//evil.example?next=1",
      "/dashboard/../..//evil.example",
      "/.%2e//evil.example",
    ]) {
      expect(safeNextPath(value), String(value)).toBe("/dashboard");
    }
  });
});

describe("clientIp", () => {
  it("takes the rightmost X-Forwarded-For entry, the one added by the nearest hop", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:10.1.2.3" }))).toBe("10.1.2.3");
    expect(clientIp(new Headers({ "x-forwarded-for": "garbage" }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });

  it("believes X-Real-IP only behind a trusted proxy", () => {
    const headers = new Headers({ "x-real-ip": "198.51.100.9" });
    expect(clientIp(headers)).toBeNull();
    setEnv({ TRUST_PROXY: "1" });
    try {
      expect(clientIp(headers)).toBe("198.51.100.9");
    } finally {
      setEnv({ TRUST_PROXY: undefined });
    }
  });
});

describe("password hashing", () => {
  // tests/support/auth lowers the cost for other suites; this one is about the real hashes.
  beforeAll(() => setPasswordCostForTests(undefined));

  it("verifies the right password only, and refuses foreign hash formats", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong horse battery", hash)).toBe(false);
    expect(await verifyPassword("x", "$2b$10$abcdefghijklmnopqrstuv")).toBe(false);
    expect(await verifyPassword("x", null)).toBe(false);
    expect(hash).not.toBe(await hashPassword("correct horse battery"));
  });
});

describe("AUTH_SECRET", () => {
  const saved = { AUTH_SECRET: process.env.AUTH_SECRET, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR };
  afterEach(() => setEnv(saved));

  it("is required by the server with DATABASE_URL, with either auth backend, naming the variable", () => {
    const server = (source: Record<string, string>) => () => assertServerConfiguration(parseEnv(source));
    expect(server({ DATABASE_URL: "postgres://db.example/app" })).toThrow(/AUTH_SECRET/);
    expect(server({ DATABASE_URL: "postgres://db.example/app", AUTH_SECRET: "x".repeat(32) })).not.toThrow();
    // Supabase Auth signs its own sessions, but visitor cookies are still ours to sign.
    const supabase = {
      DATABASE_URL: "postgres://db.example/app",
      NEXT_PUBLIC_SUPABASE_URL: "https://project.supabase.co",
      NEXT_PUBLIC_SUPABASE_ANON_KEY: "anon",
    };
    expect(server(supabase)).toThrow(/AUTH_SECRET/);
    expect(server({ ...supabase, AUTH_SECRET: "x".repeat(32) })).not.toThrow();
  });

  it("is not needed to parse the configuration (npm run db:migrate signs nothing)", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://db.example/app" }).AUTH_SECRET).toBeUndefined();
  });

  it("is generated once on the embedded database and kept in its data directory", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chatfolio-secret-"));
    try {
      setEnv({ AUTH_SECRET: undefined, PGLITE_DATA_DIR: dataDir });
      const first = Buffer.from(authSecret()).toString();
      const file = path.join(dataDir, "chatfolio-auth-secret");
      expect(fs.readFileSync(file, "utf8").trim()).toBe(first);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(first.length).toBeGreaterThanOrEqual(32);
      // Another process (a restart) reads the same file.
      resetAuthSecretForTests();
      expect(Buffer.from(authSecret()).toString()).toBe(first);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
