import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { POST as logout } from "@/app/api/auth/logout/route";
import { POST as signup } from "@/app/api/auth/signup/route";
import { POST as token } from "@/app/api/auth/token/route";
import { GET as listKeys } from "@/app/api/keys/route";
import { cookieHeader, jsonRequest, type SignedUpOwner, setEnv, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

function keysRequest(headers: Record<string, string>): Request {
  return new Request(`${TEST_ORIGIN}/api/keys`, { headers });
}

async function errorOf(response: Response): Promise<{ code: string; message: string; details?: unknown[] }> {
  const body = (await response.json()) as { error: { code: string; message: string; details?: unknown[] } };
  return body.error;
}

describeEachDatabase("built-in auth: sign-up, token, sign-out", (db) => {
  let owner: SignedUpOwner;

  beforeAll(async () => {
    owner = await signUpOwner();
  });

  it("signs up with a trimmed, lower-cased email, stores a scrypt hash and sets an httpOnly Lax cookie", async () => {
    const local = `Mixed-${randomUUID().slice(0, 8)}`;
    const response = await signup(
      jsonRequest("/api/auth/signup", { email: `  ${local}@Example.TEST `, password: "correct horse" }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { id: string; email: string } };
    expect(body.user.email).toBe(`${local.toLowerCase()}@example.test`);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^chatfolio_session=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const [row] = await db().query<{ encrypted_password: string }>(
      "select encrypted_password from auth.users where id = $1",
      [body.user.id],
    );
    // The cost (tests/support/auth lowers it) is stored with each hash; auth-helpers checks the real one.
    expect(row.encrypted_password).toMatch(/^scrypt\$\d+\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row.encrypted_password).not.toContain("correct horse");
  });

  it("marks the cookie Secure over https, as the trusted proxy in front reports it", async () => {
    setEnv({ TRUST_PROXY: "1" });
    const response = await signup(
      jsonRequest(
        "/api/auth/signup",
        { email: `secure-${randomUUID().slice(0, 8)}@example.test`, password: "long enough" },
        { headers: { "x-forwarded-proto": "https" } },
      ),
    ).finally(() => setEnv({ TRUST_PROXY: undefined }));
    expect(response.headers.getSetCookie()[0]).toContain("; Secure");
  });

  it("answers 409 for an email already registered, whatever its case", async () => {
    const response = await signup(
      jsonRequest("/api/auth/signup", { email: owner.email.toUpperCase(), password: "whatever1" }),
    );
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("conflict");
  });

  it("rejects bad sign-up input field by field", async () => {
    const response = await signup(jsonRequest("/api/auth/signup", { email: "not-an-email", password: "short" }));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("validation_failed");
    expect(error.details).toEqual([
      { path: "email", message: "Enter a valid email address." },
      { path: "password", message: "Use at least 8 characters." },
    ]);
    const broken = await signup(jsonRequest("/api/auth/signup", "{not json"));
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).code).toBe("invalid_json");
  });

  it("issues an hour-long bearer token", async () => {
    const response = await token(jsonRequest("/api/auth/token", { email: owner.email, password: owner.password }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: "bearer", user: { id: owner.userId, email: owner.email } });
    expect(body.expires_in).toBeGreaterThan(3500);
    expect(body.expires_in).toBeLessThanOrEqual(3600);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("answers 401 with one message for a wrong password and an unknown email", async () => {
    const wrongPassword = await token(
      jsonRequest("/api/auth/token", { email: owner.email, password: "wrong password" }),
    );
    const unknownEmail = await token(
      jsonRequest("/api/auth/token", { email: `nobody-${randomUUID()}@example.test`, password: owner.password }),
    );
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const [a, b] = [await errorOf(wrongPassword), await errorOf(unknownEmail)];
    expect(a).toEqual(b);
    expect(a.code).toBe("unauthorized");
  });

  it("authenticates an API call by bearer token and by session cookie", async () => {
    expect((await listKeys(keysRequest(owner.bearer))).status).toBe(200);
    expect((await listKeys(keysRequest({ cookie: owner.cookie }))).status).toBe(200);
  });

  it("answers 401 with WWW-Authenticate for missing, malformed and forged credentials", async () => {
    const [header, payload] = owner.accessToken.split(".");
    const forged = `${header}.${payload}.${"A".repeat(43)}`;
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: "Basic abc" },
      { Authorization: "Bearer" },
      { Authorization: "Bearer not-a-jwt" },
      { Authorization: `Bearer ${forged}` },
      { cookie: "chatfolio_session=garbage" },
      // The session cookie is not a bearer token, nor the other way round.
      { Authorization: `Bearer ${owner.cookie.split("=")[1]}` },
      { cookie: `chatfolio_session=${owner.accessToken}` },
    ];
    for (const headers of attempts) {
      const response = await listKeys(keysRequest(headers));
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await errorOf(response)).code).toBe("unauthorized");
    }
  });

  it("ends the session on sign-out and clears the cookie", async () => {
    const fresh = await signUpOwner();
    const response = await logout(
      new Request(`${TEST_ORIGIN}/api/auth/logout`, {
        method: "POST",
        headers: { cookie: fresh.cookie, origin: TEST_ORIGIN },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()[0]).toMatch(/^chatfolio_session=; Path=\/; Max-Age=0/);
    // The old cookie is dead even if a client kept it; the separate access token still works.
    expect((await listKeys(keysRequest({ cookie: fresh.cookie }))).status).toBe(401);
    expect((await listKeys(keysRequest(fresh.bearer))).status).toBe(200);
  });

  it("signs out everywhere with ?all=true, ending cookies and access tokens alike", async () => {
    const fresh = await signUpOwner();
    const again = await token(jsonRequest("/api/auth/token", { email: fresh.email, password: fresh.password }));
    const second = ((await again.json()) as { access_token: string }).access_token;
    const response = await logout(
      new Request(`${TEST_ORIGIN}/api/auth/logout?all=true`, { method: "POST", headers: fresh.bearer }),
    );
    expect(response.status).toBe(204);
    for (const headers of [{ cookie: fresh.cookie }, fresh.bearer, { Authorization: `Bearer ${second}` }]) {
      expect((await listKeys(keysRequest(headers))).status).toBe(401);
    }
  });

  it("clears the cookie even without a valid session", async () => {
    const response = await logout(new Request(`${TEST_ORIGIN}/api/auth/logout`, { method: "POST" }));
    expect(response.status).toBe(204);
    expect(cookieHeader(response)).toBe("chatfolio_session=");
  });
});
