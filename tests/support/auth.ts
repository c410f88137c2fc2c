import { randomUUID } from "node:crypto";
import { setPasswordCostForTests } from "@/lib/auth/builtin/password";
import { resetEnvForTests } from "@/lib/env";
import { AUTH_WINDOW_SECONDS } from "@/lib/limits";

/**
 * Sign-up and sign-in through the real route handlers, for suites that need an authenticated owner.
 * Call these inside a describeEachDatabase suite: the handlers use the database bound there.
 */

/** Sets (or, with undefined, unsets) environment variables and drops the parsed-env cache. */
export function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
}

// A fixed secret for the built-in backend, so no test writes one into a data directory.
if (!process.env.AUTH_SECRET) setEnv({ AUTH_SECRET: "test-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz" });

// Signing owners up is what most suites do first; a real scrypt hash costs ~0.25 s of CPU each.
// The hashing tests (auth-helpers) restore the real cost.
setPasswordCostForTests({ N: 2 ** 10, r: 8, p: 1 });

export const TEST_ORIGIN = "http://localhost";

export interface SignedUpOwner {
  userId: string;
  email: string;
  password: string;
  /** A Bearer access token from POST /api/auth/token. */
  accessToken: string;
  /** The Cookie header value carrying the browser session from sign-up. */
  cookie: string;
  /** `{ Authorization: "Bearer <accessToken>" }`, to spread into a request's headers. */
  bearer: Record<string, string>;
}

export function jsonRequest(
  path: string,
  body: unknown,
  init: { method?: string; headers?: Record<string, string> } = {},
): Request {
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** "name=value" pairs from a response's Set-Cookie headers, as a Cookie request header. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** Signs a new owner up and gets them an access token, both through the real handlers. */
export async function signUpOwner(email = `owner-${randomUUID().slice(0, 8)}@example.test`): Promise<SignedUpOwner> {
  const { POST: signup } = await import("@/app/api/auth/signup/route");
  const { POST: token } = await import("@/app/api/auth/token/route");
  const password = `pw-${randomUUID()}`;

  const signedUp = await signup(jsonRequest("/api/auth/signup", { email, password }));
  if (signedUp.status !== 201) throw new Error(`signup answered ${signedUp.status}: ${await signedUp.text()}`);
  const { user } = (await signedUp.json()) as { user: { id: string; email: string } };

  const issued = await token(jsonRequest("/api/auth/token", { email, password }));
  if (issued.status !== 200) throw new Error(`token answered ${issued.status}: ${await issued.text()}`);
  const { access_token: accessToken } = (await issued.json()) as { access_token: string };

  return {
    userId: user.id,
    email: user.email,
    password,
    accessToken,
    cookie: cookieHeader(signedUp),
    bearer: { Authorization: `Bearer ${accessToken}` },
  };
}

/** Several owners at once, one after another (sign-up is rate-limited per IP, not per test). */
export async function signUpOwners(count: number): Promise<SignedUpOwner[]> {
  const owners: SignedUpOwner[] = [];
  for (let index = 0; index < count; index++) owners.push(await signUpOwner());
  return owners;
}

/**
 * Sign-in attempts count in fixed windows of AUTH_WINDOW_SECONDS aligned to the epoch: a sequence
 * that straddled a boundary would start counting again halfway. Waits for the next window when
 * the current one has less than half a minute left (the clock is the database server's, on this
 * same machine). The wait can be 31 s: a test that calls this needs a timeout above that.
 */
export async function awayFromAuthWindowBoundary(): Promise<void> {
  const left = AUTH_WINDOW_SECONDS * 1000 - (Date.now() % (AUTH_WINDOW_SECONDS * 1000));
  if (left < 30_000) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}
