import { randomUUID } from "node:crypto";
import { expect } from "vitest";

// Calls to a running production server (scripts/next-server.ts) as its clients make them: JSON
// with a Bearer token, or a session cookie from the server's own origin.

/** Anything that names a running server. */
export interface ServerAddress {
  baseUrl: string;
}

export interface Owner {
  email: string;
  password: string;
  token: string;
}

export interface CallInit {
  method?: string;
  body?: unknown;
  /** The client address the proxy in front says it saw (for servers started with TRUST_PROXY). */
  ip?: string;
  token?: string;
  cookie?: string;
}

/** A request to the server; a cookie call says it comes from that server's own origin. */
export function call(server: ServerAddress, path: string, init: CallInit = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.ip) headers["x-forwarded-for"] = init.ip;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.cookie) {
    headers.cookie = init.cookie;
    headers.origin = server.baseUrl;
  }
  return fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: "manual",
    signal: AbortSignal.timeout(20_000),
  });
}

/** The session cookie a response set, as a Cookie header ("" when it set none). */
export function sessionCookieOf(response: Response): string {
  const set = response.headers.getSetCookie().find((cookie) => cookie.startsWith("chatfolio_session="));
  return set ? set.split(";")[0] : "";
}

export async function issueToken(server: ServerAddress, owner: { email: string; password: string }): Promise<string> {
  const response = await call(server, "/api/auth/token", { body: { email: owner.email, password: owner.password } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A new owner signed up through the API, with their session cookie and an access token. */
export async function signUpOverHttp(server: ServerAddress, label: string): Promise<Owner & { cookie: string }> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  const password = "a long enough password";
  const response = await call(server, "/api/auth/signup", { body: { email, password } });
  expect(response.status).toBe(201);
  const cookie = sessionCookieOf(response);
  expect(cookie).not.toBe("");
  return { email, password, cookie, token: await issueToken(server, { email, password }) };
}
