import { randomUUID } from "node:crypto";
import { SignJWT, UnsecuredJWT } from "jose";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { POST as logout } from "@/app/api/auth/logout/route";
import { POST as signup } from "@/app/api/auth/signup/route";
import { POST as token } from "@/app/api/auth/token/route";
import { POST as createKey, GET as listKeys } from "@/app/api/keys/route";
import { loadSessionRefresher } from "@/lib/auth/backend";
import { signBuiltinToken } from "@/lib/auth/builtin/tokens";
import { AUTH_ATTEMPT_LIMIT, AUTH_EMAIL_ATTEMPT_CEILING } from "@/lib/limits";
import {
  awayFromAuthWindowBoundary,
  jsonRequest,
  type SignedUpOwner,
  setEnv,
  signUpOwner,
  TEST_ORIGIN,
} from "../support/auth";
import { describeEachDatabase } from "../support/databases";

// What proxy.ts calls: the configured backend's refresh.
const refreshSession = async (cookies: { name: string; value: string }[], secure: boolean) =>
  (await loadSessionRefresher()).refreshSession(cookies, secure);

function list(headers: Record<string, string>): Promise<Response> {
  return listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers }));
}

describeEachDatabase("built-in auth: expiry, CSRF, rate limits, sliding sessions", (db) => {
  let owner: SignedUpOwner;

  beforeAll(async () => {
    owner = await signUpOwner();
  });

  afterEach(() => setEnv({ TRUST_PROXY: undefined }));

  async function sessionIdOf(accessToken: string): Promise<string> {
    const payload = JSON.parse(Buffer.from(accessToken.split(".")[1], "base64url").toString()) as { sid: string };
    return payload.sid;
  }

  it("answers 401, not 500, for an expired access token", async () => {
    const sid = await sessionIdOf(owner.accessToken);
    const expired = await signBuiltinToken(
      { sub: owner.userId, email: owner.email, sid, typ: "access" },
      new Date(Date.now() - 60_000),
    );
    const response = await list({ Authorization: `Bearer ${expired}` });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("answers 401 once the session behind a token has expired, whatever the token says", async () => {
    const fresh = await signUpOwner();
    await db().query("update private.sessions set expires_at = now() - interval '1 second' where id = $1", [
      await sessionIdOf(fresh.accessToken),
    ]);
    expect((await list(fresh.bearer)).status).toBe(401);
  });

  it("answers 401 for tokens signed with another key or with alg none", async () => {
    const sid = await sessionIdOf(owner.accessToken);
    const claims = { email: owner.email, role: "authenticated", sid, typ: "access" };
    const otherKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(owner.userId)
      .setIssuer("chatfolio")
      .setAudience("authenticated")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("another-secret-another-secret-another-secret"));
    const unsigned = new UnsecuredJWT(claims)
      .setSubject(owner.userId)
      .setIssuer("chatfolio")
      .setAudience("authenticated")
      .setIssuedAt()
      .setExpirationTime("1h")
      .encode();
    for (const forged of [otherKey, unsigned]) {
      expect((await list({ Authorization: `Bearer ${forged}` })).status).toBe(401);
    }
  });

  it("slides a browser session's expiry while it is used", async () => {
    const fresh = await signUpOwner();
    const [session] = await db().query<{ id: string }>(
      "select id from private.sessions where user_id = $1 and kind = 'browser'",
      [fresh.userId],
    );
    await db().query(
      "update private.sessions set last_used_at = now() - interval '2 hours', expires_at = now() + interval '1 hour' where id = $1",
      [session.id],
    );
    expect((await list({ cookie: fresh.cookie })).status).toBe(200);
    const [after] = await db().query<{ expires_at: Date }>("select expires_at from private.sessions where id = $1", [
      session.id,
    ]);
    expect(after.expires_at.getTime() - Date.now()).toBeGreaterThan(6 * 24 * 60 * 60 * 1000);
  });

  it("re-issues a day-old session cookie with a fresh expiry in the proxy, for the same session", async () => {
    const fresh = await signUpOwner();
    const cookies = [{ name: "chatfolio_session", value: fresh.cookie.slice("chatfolio_session=".length) }];
    expect(await refreshSession(cookies, false)).toEqual({ present: true, cookies: [] });
    vi.useFakeTimers({ toFake: ["Date"] });
    let refreshed: Awaited<ReturnType<typeof refreshSession>>;
    try {
      vi.setSystemTime(Date.now() + 2 * 24 * 60 * 60 * 1000);
      refreshed = await refreshSession(cookies, true);
    } finally {
      vi.useRealTimers();
    }
    // Over https it comes back under the __Host- name, and the bare one is cleared.
    const [cookie, bare] = refreshed.cookies;
    expect(cookie).toMatchObject({
      name: "__Host-chatfolio_session",
      options: { httpOnly: true, secure: true, sameSite: "lax", maxAge: 7 * 24 * 60 * 60 },
    });
    expect(bare).toMatchObject({ name: "chatfolio_session", value: "", options: { maxAge: 0 } });
    expect(cookie.value).not.toBe(cookies[0].value);
    expect((await list({ cookie: `__Host-chatfolio_session=${cookie.value}` })).status).toBe(200);
    expect(await refreshSession([], false)).toEqual({ present: false, cookies: [] });
  });

  it("does not slide access tokens: they end an hour after issue", async () => {
    const sid = await sessionIdOf(owner.accessToken);
    const [before] = await db().query<{ expires_at: Date }>("select expires_at from private.sessions where id = $1", [
      sid,
    ]);
    await db().query("update private.sessions set last_used_at = now() - interval '2 hours' where id = $1", [sid]);
    expect((await list(owner.bearer)).status).toBe(200);
    const [after] = await db().query<{ expires_at: Date }>("select expires_at from private.sessions where id = $1", [
      sid,
    ]);
    expect(after.expires_at).toEqual(before.expires_at);
  });

  it("refuses cookie-authenticated mutations from another origin, and allows our own", async () => {
    const evil = await createKey(
      jsonRequest("/api/keys", { name: "csrf" }, { headers: { cookie: owner.cookie, origin: "https://evil.example" } }),
    );
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    const ours = await createKey(
      jsonRequest("/api/keys", { name: "same-site" }, { headers: { cookie: owner.cookie, origin: TEST_ORIGIN } }),
    );
    expect(ours.status).toBe(201);
    const forgedLogout = await logout(
      new Request(`${TEST_ORIGIN}/api/auth/logout`, {
        method: "POST",
        headers: { cookie: owner.cookie, origin: "https://evil.example" },
      }),
    );
    expect(forgedLogout.status).toBe(403);
    expect((await list({ cookie: owner.cookie })).status).toBe(200);
  });

  it("does not check Origin on Bearer calls", async () => {
    const response = await createKey(
      jsonRequest(
        "/api/keys",
        { name: "bearer" },
        { headers: { ...owner.bearer, origin: "https://elsewhere.example" } },
      ),
    );
    expect(response.status).toBe(201);
  });

  it("refuses a cross-site sign-up (it would sign the browser in)", async () => {
    const response = await signup(
      jsonRequest(
        "/api/auth/signup",
        { email: `csrf-${randomUUID().slice(0, 8)}@example.test`, password: "long enough" },
        { headers: { origin: "https://evil.example" } },
      ),
    );
    expect(response.status).toBe(403);
  });

  it("believes X-Forwarded-Host only with TRUST_PROXY", async () => {
    const headers = { cookie: owner.cookie, origin: "https://app.example", "x-forwarded-host": "app.example" };
    expect((await createKey(jsonRequest("/api/keys", { name: "proxied" }, { headers }))).status).toBe(403);
    setEnv({ TRUST_PROXY: "1" });
    expect((await createKey(jsonRequest("/api/keys", { name: "proxied" }, { headers }))).status).toBe(201);
  });

  it("limits attempts at an email per address, so failures elsewhere never lock the owner out, with a growing Retry-After", async () => {
    await awayFromAuthWindowBoundary();
    const target = await signUpOwner();
    const attempt = (ip: string, password = "wrong password") =>
      token(jsonRequest("/api/auth/token", { email: target.email, password }, { headers: { "x-forwarded-for": ip } }));
    const attacker = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    for (let i = 0; i < AUTH_ATTEMPT_LIMIT; i++) expect((await attempt(attacker)).status).toBe(401);
    // Past the limit: refused, the correct password included, with a wait that doubles each time.
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const limited = await attempt(attacker, target.password);
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
      waits.push(Number(limited.headers.get("retry-after")));
    }
    expect(waits[0]).toBeGreaterThanOrEqual(1);
    expect(waits[1]).toBeGreaterThan(waits[0]);
    expect(waits[2]).toBeGreaterThan(waits[1]);
    // Before: ten failures from anywhere locked the owner out. Their own address is unaffected.
    expect((await attempt("192.0.2.77", target.password)).status).toBe(200);
    const other = await token(jsonRequest("/api/auth/token", { email: owner.email, password: owner.password }));
    expect(other.status).toBe(200);
    // Up to half a minute waiting for a fresh window, then the attempts themselves.
  }, 60_000);

  it("holds a distributed guess at one email to a higher ceiling across all addresses", async () => {
    await awayFromAuthWindowBoundary();
    const target = await signUpOwner();
    const attempt = (ip: string, password = "wrong password") =>
      token(jsonRequest("/api/auth/token", { email: target.email, password }, { headers: { "x-forwarded-for": ip } }));
    // signUpOwner's token request already counted (without an address) toward the email.
    for (let i = 0; i < AUTH_EMAIL_ATTEMPT_CEILING - 1; i++) {
      expect((await attempt(`198.18.${i >> 8}.${i & 255}`)).status).toBe(401);
    }
    expect((await attempt("198.19.0.1", target.password)).status).toBe(429);
    // Up to half a minute waiting for a fresh window, then the attempts themselves.
  }, 60_000);

  it("limits attempts per IP across emails, using the address the nearest proxy added", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const attempt = (forwardedFor: string) =>
      token(
        jsonRequest(
          "/api/auth/token",
          { email: `probe-${randomUUID().slice(0, 8)}@example.test`, password: "guess1234" },
          { headers: { "x-forwarded-for": forwardedFor } },
        ),
      );
    // A client-written address on the left does not buy a fresh budget.
    for (let i = 0; i < AUTH_ATTEMPT_LIMIT; i++) expect((await attempt(`10.0.0.${i}, ${ip}`)).status).toBe(401);
    expect((await attempt(`10.9.9.9, ${ip}`)).status).toBe(429);
    expect((await attempt("192.0.2.1")).status).toBe(401);
  });

  it("keeps only hashed buckets, never raw addresses or emails", async () => {
    const rows = await db().query<{ bucket: string }>("select bucket from private.auth_attempts");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.bucket).toMatch(/^[a-z_]+:(ip|email|email_ip|owner):[0-9a-f]{64}$/);
  });
});
