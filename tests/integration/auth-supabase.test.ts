import { randomUUID } from "node:crypto";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as logout } from "@/app/api/auth/logout/route";
import { POST as signup } from "@/app/api/auth/signup/route";
import { POST as token } from "@/app/api/auth/token/route";
import { GET as health } from "@/app/api/health/route";
import { POST as createKey, GET as listKeys } from "@/app/api/keys/route";
import { authBackend } from "@/lib/auth";
import { loadSessionRefresher } from "@/lib/auth/backend";
import { cookieHeader, jsonRequest, setEnv, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { type StubUser, type SupabaseAuthStub, startSupabaseAuthStub } from "../support/supabase-auth-server";

// What proxy.ts calls: the configured backend's refresh.
const refreshSession = async (cookies: { name: string; value: string }[], secure: boolean) =>
  (await loadSessionRefresher()).refreshSession(cookies, secure);

const SUPABASE_VARS = [
  "NEXT_PUBLIC_SUPABASE_URL",
  "NEXT_PUBLIC_SUPABASE_ANON_KEY",
  "SUPABASE_JWT_SECRET",
  "DATABASE_URL",
];

/** Switches the app to Supabase Auth against the stub for one suite, and back afterwards. */
function useSupabaseAuth(stub: () => SupabaseAuthStub, jwtSecret?: string) {
  const saved = Object.fromEntries(SUPABASE_VARS.map((name) => [name, process.env[name]]));
  beforeAll(() =>
    setEnv({
      NEXT_PUBLIC_SUPABASE_URL: stub().url,
      NEXT_PUBLIC_SUPABASE_ANON_KEY: "test-anon-key",
      SUPABASE_JWT_SECRET: jwtSecret,
      // Supabase Auth requires a server database; the suite's database is already bound.
      DATABASE_URL: "postgres://unused@127.0.0.1:1/unused",
    }),
  );
  afterAll(() => setEnv(saved));
}

function list(headers: Record<string, string>): Promise<Response> {
  return listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers }));
}

const email = () => `sb-${randomUUID().slice(0, 8)}@example.test`;

describeEachDatabase("Supabase Auth with ES256 keys (JWKS)", (db) => {
  let stub: SupabaseAuthStub;
  // As Supabase would: its auth.users row exists as soon as the account does.
  const addUserRow = async (user: StubUser) => {
    await db().query(
      "insert into auth.users (id, aud, role, email) values ($1, 'authenticated', 'authenticated', $2)",
      [user.id, user.email],
    );
  };

  beforeAll(async () => {
    stub = await startSupabaseAuthStub({ onSignUp: addUserRow });
  });
  afterAll(() => stub.close());
  useSupabaseAuth(() => stub);

  it("reports the supabase backend", async () => {
    expect(authBackend()).toBe("supabase");
    const body = (await (await health(new Request("http://localhost/api/health"))).json()) as { auth: string };
    expect(body.auth).toBe("supabase");
  });

  it("signs up through Supabase Auth and keeps the session in @supabase/ssr cookies", async () => {
    const address = email();
    const response = await signup(jsonRequest("/api/auth/signup", { email: address, password: "long enough" }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { id: string; email: string } };
    expect(body.user).toEqual({ id: stub.users.get(address)?.id, email: address });
    expect(stub.calls).toContain("POST /auth/v1/signup");
    const cookies = response.headers.getSetCookie();
    expect(cookies.some((cookie) => /^sb-127-auth-token=base64-/.test(cookie))).toBe(true);
    // The cookie session authenticates API calls, as that user and under CSRF checks.
    const cookie = cookieHeader(response);
    expect((await list({ cookie })).status).toBe(200);
    const created = await createKey(
      jsonRequest("/api/keys", { name: "sb" }, { headers: { cookie, origin: TEST_ORIGIN } }),
    );
    expect(created.status).toBe(201);
    const evil = await createKey(
      jsonRequest("/api/keys", { name: "sb" }, { headers: { cookie, origin: "https://evil.example" } }),
    );
    expect(evil.status).toBe(403);
  });

  it("answers 409 for a registered email", async () => {
    const address = email();
    await signup(jsonRequest("/api/auth/signup", { email: address, password: "long enough" }));
    const again = await signup(jsonRequest("/api/auth/signup", { email: address, password: "long enough" }));
    expect(again.status).toBe(409);
  });

  it("hands out Supabase's own tokens, which authenticate Bearer calls after local JWKS verification", async () => {
    const address = email();
    await signup(jsonRequest("/api/auth/signup", { email: address, password: "long enough" }));
    const response = await token(jsonRequest("/api/auth/token", { email: address, password: "long enough" }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; refresh_token: string; token_type: string };
    expect(body.token_type).toBe("bearer");
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(stub.calls).toContain("POST /auth/v1/token?grant_type=password");
    expect((await list({ Authorization: `Bearer ${body.access_token}` })).status).toBe(200);
    expect(stub.calls).toContain("GET /auth/v1/.well-known/jwks.json");
  });

  it("answers 401 with the built-in backend's message for wrong credentials", async () => {
    const response = await token(jsonRequest("/api/auth/token", { email: email(), password: "whatever1" }));
    expect(response.status).toBe(401);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error).toEqual({ code: "unauthorized", message: "Incorrect email or password." });
  });

  it("answers 401 for expired, foreign-key, anon-role and unknown-issuer tokens", async () => {
    const user = { id: randomUUID(), email: email() };
    expect((await list({ Authorization: `Bearer ${await stub.signAccessToken(user)}` })).status).toBe(200);
    const expired = await stub.signAccessToken(user, { expiresIn: -60 });
    const anon = await stub.signAccessToken(user, { role: "anon" });
    // Signed by a key the project never published (an unknown kid makes jose refetch, then give up).
    const { privateKey } = await generateKeyPair("ES256");
    const foreign = await new SignJWT({ email: user.email, role: "authenticated" })
      .setProtectedHeader({ alg: "ES256", kid: randomUUID() })
      .setSubject(user.id)
      .setIssuer(`${stub.url}/auth/v1`)
      .setAudience("authenticated")
      .setExpirationTime("1h")
      .sign(privateKey);
    for (const bad of [expired, anon, foreign, "not.a.jwt"]) {
      const response = await list({ Authorization: `Bearer ${bad}` });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("accepts API keys as with the built-in backend", async () => {
    const address = email();
    await signup(jsonRequest("/api/auth/signup", { email: address, password: "long enough" }));
    const issued = (await (
      await token(jsonRequest("/api/auth/token", { email: address, password: "long enough" }))
    ).json()) as {
      access_token: string;
    };
    const created = await createKey(
      jsonRequest(
        "/api/keys",
        { name: "integration" },
        { headers: { Authorization: `Bearer ${issued.access_token}` } },
      ),
    );
    const { key } = (await created.json()) as { key: string };
    expect((await list({ Authorization: `Bearer ${key}` })).status).toBe(200);
  });

  it("signs out at Supabase and clears its cookies", async () => {
    const response = await signup(jsonRequest("/api/auth/signup", { email: email(), password: "long enough" }));
    const cookie = cookieHeader(response);
    const out = await logout(
      new Request(`${TEST_ORIGIN}/api/auth/logout?all=true`, {
        method: "POST",
        headers: { cookie, origin: TEST_ORIGIN },
      }),
    );
    expect(out.status).toBe(204);
    expect(stub.calls).toContain("POST /auth/v1/logout?scope=global");
    expect(out.headers.getSetCookie().some((line) => /^sb-127-auth-token=;.*Max-Age=0/.test(line))).toBe(true);
  });
  it("clears a stale Supabase cookie on sign-out even without a valid session", async () => {
    const out = await logout(
      new Request(`${TEST_ORIGIN}/api/auth/logout`, {
        method: "POST",
        headers: { cookie: "sb-127-auth-token=base64-bm90LWEtc2Vzc2lvbg" },
      }),
    );
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()).toEqual([expect.stringMatching(/^sb-127-auth-token=; Path=\/; Max-Age=0/)]);
  });
});

describeEachDatabase("Supabase Auth with a legacy HS256 secret", () => {
  const secret = "legacy-jwt-secret-with-at-least-32-characters";
  let stub: SupabaseAuthStub;
  beforeAll(async () => {
    stub = await startSupabaseAuthStub({ algorithm: "HS256", jwtSecret: secret });
  });
  afterAll(() => stub.close());
  useSupabaseAuth(() => stub, secret);

  it("verifies HS256 tokens with SUPABASE_JWT_SECRET, without calling the auth server", async () => {
    const user = { id: randomUUID(), email: email() };
    const before = stub.calls.length;
    expect((await list({ Authorization: `Bearer ${await stub.signAccessToken(user)}` })).status).toBe(200);
    expect(stub.calls.length).toBe(before);
  });

  it("answers 401 for HS256 tokens signed with another secret, or expired", async () => {
    const user = { id: randomUUID(), email: email() };
    const forged = await new SignJWT({ email: user.email, role: "authenticated" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.id)
      .setIssuer(`${stub.url}/auth/v1`)
      .setAudience("authenticated")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("some-other-secret-some-other-secret"));
    const expired = await stub.signAccessToken(user, { expiresIn: -5 });
    for (const bad of [forged, expired]) expect((await list({ Authorization: `Bearer ${bad}` })).status).toBe(401);
  });
});

describeEachDatabase("Supabase Auth with email confirmation", () => {
  let stub: SupabaseAuthStub;
  beforeAll(async () => {
    stub = await startSupabaseAuthStub({ confirmEmail: true });
  });
  afterAll(() => stub.close());
  useSupabaseAuth(() => stub);

  it("answers 202 with confirmation_required and sets no session cookie", async () => {
    const address = email();
    const response = await signup(jsonRequest("/api/auth/signup", { email: address, password: "long enough" }));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      user: { id: stub.users.get(address)?.id, email: address },
      confirmation_required: true,
    });
    expect(response.headers.getSetCookie().filter((line) => /^sb-127-auth-token=/.test(line))).toEqual([]);
  });
});

describeEachDatabase("Supabase Auth cookie sessions near expiry", () => {
  let stub: SupabaseAuthStub;
  beforeAll(async () => {
    // Inside supabase-js's expiry margin, so the next read refreshes the session.
    stub = await startSupabaseAuthStub({ accessTokenSeconds: 20 });
  });
  afterAll(() => stub.close());
  useSupabaseAuth(() => stub);

  it("refreshes the access token with the refresh token, in route handlers and in the proxy", async () => {
    const response = await signup(jsonRequest("/api/auth/signup", { email: email(), password: "long enough" }));
    const cookie = cookieHeader(response);
    const listed = await list({ cookie });
    expect(listed.status).toBe(200);
    expect(stub.calls).toContain("POST /auth/v1/token?grant_type=refresh_token");
    // proxy.ts skips API calls without a built-in session cookie: route() hands the refreshed
    // session back itself, or the browser would keep the spent refresh token.
    const renewed = listed.headers.getSetCookie().find((line) => line.startsWith("sb-127-auth-token="));
    expect(renewed).toMatch(/^sb-127-auth-token=base64-/);
    expect(renewed).not.toBe(response.headers.getSetCookie().find((line) => line.startsWith("sb-127-auth-token=")));

    const refreshes = stub.calls.length;
    const cookies = cookie.split("; ").map((pair) => {
      const index = pair.indexOf("=");
      return { name: pair.slice(0, index), value: decodeURIComponent(pair.slice(index + 1)) };
    });
    const refreshed = await refreshSession(cookies, false);
    expect(refreshed.present).toBe(true);
    expect(
      refreshed.cookies.some((entry) => entry.name === "sb-127-auth-token" && entry.value.startsWith("base64-")),
    ).toBe(true);
    expect(stub.calls.length).toBeGreaterThan(refreshes);
  });
});

describeEachDatabase("Supabase Auth unreachable", () => {
  let stub: SupabaseAuthStub;
  let accessToken: string;
  beforeAll(async () => {
    stub = await startSupabaseAuthStub();
    accessToken = await stub.signAccessToken({ id: randomUUID(), email: email() });
    await stub.close();
  });
  useSupabaseAuth(() => stub);

  it("answers 503, not 401 or 500, when the JWKS or the token endpoint cannot be reached", async () => {
    const call = await list({ Authorization: `Bearer ${accessToken}` });
    expect(call.status).toBe(503);
    expect(((await call.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    const signIn = await token(jsonRequest("/api/auth/token", { email: email(), password: "long enough" }));
    expect(signIn.status).toBe(503);
  });
});
