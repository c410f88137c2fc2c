import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

/**
 * A stand-in for Supabase Auth's HTTP API (the one network service these tests cannot run):
 * /auth/v1/signup, /auth/v1/token (password and refresh_token grants), /auth/v1/logout,
 * /auth/v1/user (GET, and PUT to change the password or email), /auth/v1/recover and
 * /auth/v1/verify (the password-reset flow) and the JWKS. Access tokens carry `amr` with the time
 * the password was given, which refreshed tokens keep, as Supabase's do. Tokens are signed like Supabase's: ES256 with a key published in the
 * JWKS, or HS256 with the project's JWT secret (legacy projects).
 */

export interface StubUser {
  id: string;
  email: string;
  password: string;
}

export interface SupabaseAuthStubOptions {
  /** "HS256" signs with jwtSecret, as legacy projects do. Default ES256. */
  algorithm?: "ES256" | "HS256";
  jwtSecret?: string;
  /** Email confirmation on: sign-up answers with the user and no session. */
  confirmEmail?: boolean;
  /** Called with each new user, so the test can add the auth.users row Supabase would have. */
  onSignUp?: (user: StubUser) => Promise<void>;
  accessTokenSeconds?: number;
}

export interface SupabaseAuthStub {
  url: string;
  users: Map<string, StubUser>;
  /** Requests received, as "METHOD /path?query". */
  calls: string[];
  /** Address -> the token hash of the last reset email Supabase would have sent (its {{ .TokenHash }}). */
  recoveryTokens: Map<string, string>;
  /** Address -> the new address an email change waits to have confirmed. */
  pendingEmails: Map<string, string>;
  /** An access token as the project would sign it; expiresIn in seconds (negative: expired). */
  signAccessToken(
    user: { id: string; email: string },
    options?: { expiresIn?: number; role?: string; authenticatedAt?: number },
  ): Promise<string>;
  close(): Promise<void>;
}

function send(response: http.ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "x-supabase-api-version": "2024-01-01" });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readBody(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startSupabaseAuthStub(options: SupabaseAuthStubOptions = {}): Promise<SupabaseAuthStub> {
  const algorithm = options.algorithm ?? "ES256";
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  const users = new Map<string, StubUser>();
  // Refresh token -> the user's email and when the password was given (kept across refreshes).
  const refreshTokens = new Map<string, { email: string; authenticatedAt: number }>();
  const recoveryTokens = new Map<string, string>();
  const pendingEmails = new Map<string, string>();
  const calls: string[] = [];
  let url = "";

  async function signAccessToken(
    user: { id: string; email: string },
    {
      expiresIn = options.accessTokenSeconds ?? 3600,
      role = "authenticated",
      authenticatedAt = Math.floor(Date.now() / 1000),
    } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const amr = [{ method: "password", timestamp: authenticatedAt }];
    const jwt = new SignJWT({
      email: user.email,
      role,
      aal: "aal1",
      amr,
      session_id: randomUUID(),
      is_anonymous: false,
    })
      .setSubject(user.id)
      .setIssuer(`${url}/auth/v1`)
      .setAudience("authenticated")
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn);
    if (algorithm === "HS256") {
      if (!options.jwtSecret) throw new Error("HS256 needs jwtSecret");
      return jwt.setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(options.jwtSecret));
    }
    return jwt.setProtectedHeader({ alg: "ES256", kid, typ: "JWT" }).sign(privateKey);
  }

  function publicUser(user: StubUser) {
    const now = new Date().toISOString();
    return {
      id: user.id,
      aud: "authenticated",
      role: "authenticated",
      email: user.email,
      email_confirmed_at: options.confirmEmail ? null : now,
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: {},
      identities: [],
      created_at: now,
      updated_at: now,
    };
  }

  async function session(user: StubUser, authenticatedAt = Math.floor(Date.now() / 1000)) {
    const expiresIn = options.accessTokenSeconds ?? 3600;
    const refreshToken = randomUUID();
    refreshTokens.set(refreshToken, { email: user.email, authenticatedAt });
    return {
      access_token: await signAccessToken(user, { expiresIn, authenticatedAt }),
      token_type: "bearer",
      expires_in: expiresIn,
      expires_at: Math.floor(Date.now() / 1000) + expiresIn,
      refresh_token: refreshToken,
      user: publicUser(user),
    };
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const requestUrl = new URL(request.url ?? "/", url);
    calls.push(`${request.method} ${requestUrl.pathname}${requestUrl.search}`);
    const route = `${request.method} ${requestUrl.pathname}`;
    if (route === "GET /auth/v1/.well-known/jwks.json") return send(response, 200, { keys: [publicJwk] });
    if (route === "POST /auth/v1/signup") {
      const body = await readBody(request);
      const email = String(body.email ?? "").toLowerCase();
      const existing = users.get(email);
      if (existing) {
        if (options.confirmEmail) return send(response, 200, { ...publicUser(existing), id: randomUUID() });
        return send(response, 422, { code: "user_already_exists", message: "User already registered" });
      }
      const user = { id: randomUUID(), email, password: String(body.password ?? "") };
      users.set(email, user);
      await options.onSignUp?.(user);
      return send(response, 200, options.confirmEmail ? publicUser(user) : await session(user));
    }
    if (route === "POST /auth/v1/token") {
      const body = await readBody(request);
      const grant = requestUrl.searchParams.get("grant_type");
      if (grant === "password") {
        const user = users.get(String(body.email ?? "").toLowerCase());
        if (!user || user.password !== body.password) {
          return send(response, 400, { code: "invalid_credentials", message: "Invalid login credentials" });
        }
        return send(response, 200, await session(user));
      }
      if (grant === "refresh_token") {
        const known = refreshTokens.get(String(body.refresh_token ?? ""));
        const user = known ? users.get(known.email) : undefined;
        if (!user || !known)
          return send(response, 400, { code: "refresh_token_not_found", message: "Invalid Refresh Token" });
        return send(response, 200, await session(user, known.authenticatedAt));
      }
      return send(response, 400, { code: "validation_failed", message: "Unsupported grant type" });
    }
    if (route === "POST /auth/v1/logout") return send(response, 204);
    if (route === "PUT /auth/v1/user") {
      const user = await bearerUser(request);
      if (!user) return send(response, 401, { code: "bad_jwt", message: "invalid JWT" });
      const body = await readBody(request);
      if (typeof body.password === "string") user.password = body.password;
      // Like Supabase with "secure email change" off for the test: the change waits for the link.
      if (typeof body.email === "string") pendingEmails.set(user.email, body.email.toLowerCase());
      return send(response, 200, publicUser(user));
    }
    if (route === "POST /auth/v1/recover") {
      const body = await readBody(request);
      const email = String(body.email ?? "").toLowerCase();
      // Answers the same whether or not the address has an account, as Supabase does.
      if (users.has(email)) recoveryTokens.set(email, randomUUID().replaceAll("-", ""));
      return send(response, 200, {});
    }
    if (route === "POST /auth/v1/verify") {
      const body = await readBody(request);
      const entry = [...recoveryTokens.entries()].find(([, hash]) => hash === body.token_hash);
      const user = entry ? users.get(entry[0]) : undefined;
      if (body.type !== "recovery" || !entry || !user) {
        return send(response, 403, { code: "otp_expired", message: "Email link is invalid or has expired" });
      }
      recoveryTokens.delete(entry[0]);
      return send(response, 200, await session(user));
    }
    return send(response, 404, { code: "not_found", message: "Not found" });
  }

  /** The user a request's Bearer token names (any token this stand-in signed and has not expired). */
  async function bearerUser(request: http.IncomingMessage): Promise<StubUser | undefined> {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!token) return undefined;
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString() || "{}") as {
      email?: string;
      exp?: number;
    };
    if (!payload.email || (payload.exp ?? 0) < Date.now() / 1000) return undefined;
    return users.get(payload.email);
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    users,
    calls,
    recoveryTokens,
    pendingEmails,
    signAccessToken,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
