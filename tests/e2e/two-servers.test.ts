import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AUTH_ATTEMPT_LIMIT } from "@/lib/limits";
import { type RunningServer, startServer } from "@/scripts/next-server";
import { awayFromAuthWindowBoundary } from "../support/auth";
import { openTestDatabase, type TestDatabase } from "../support/databases";
import { call, issueToken, type Owner, sessionCookieOf, signUpOverHttp } from "../support/http-client";

// Horizontal scale, shown: two production servers on one PostgreSQL database, requests sent to
// them in turn as a load balancer would. Every limit and every session lives in the database, so
// what one server counted or ended, the other sees at once: nothing here holds in only one
// process's memory.

/** The owner monthly quota both servers start with (OWNER_MONTHLY_MESSAGES), small to reach. */
const MONTHLY_QUOTA = 8;
/** The per-visitor limit of the rate-limit bot: configuration.rate_limit.max_messages. */
const VISITOR_LIMIT = 3;

interface Server {
  name: "A" | "B";
  baseUrl: string;
}

const ENTITIES: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#x27;": "'" };

/**
 * Signs in through /login as a browser without JavaScript does: the form's hidden fields (the
 * server action's reference) plus email and password, posted back to the page. Answers the
 * session cookie of the 303 to the dashboard.
 */
async function signInWithForm(server: Server, owner: { email: string; password: string }): Promise<string> {
  const page = await (await call(server, "/login")).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(page)?.[1] ?? "";
  const fields = new FormData();
  for (const [, name, value = ""] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g))
    fields.append(
      name,
      value.replace(/&(?:quot|amp|lt|gt|#x27);/g, (entity) => ENTITIES[entity]),
    );
  expect(fields.has("$ACTION_KEY")).toBe(true);
  fields.append("email", owner.email);
  fields.append("password", owner.password);
  const response = await fetch(`${server.baseUrl}/login`, {
    method: "POST",
    headers: { origin: server.baseUrl },
    body: fields,
    redirect: "manual",
    signal: AbortSignal.timeout(20_000),
  });
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe("/dashboard");
  const cookie = sessionCookieOf(response);
  expect(cookie).not.toBe("");
  return cookie;
}

/** An owner with a profile and one public bot, made on `server`; returns the bot's slug. */
async function ownerWithBot(server: Server, configuration: Record<string, unknown> = {}) {
  const owner = await signUpOverHttp(server, "two-servers");
  const profile = await call(server, "/api/profile", {
    method: "PUT",
    token: owner.token,
    body: { name: "Ada Scale", bio: "Runs many servers.", skills: "Postgres", experience: "Ops", interests: "Queues" },
  });
  expect(profile.status).toBe(200);
  const slug = `two-servers-${randomUUID().slice(0, 8)}`;
  const created = await call(server, "/api/chatbots", {
    token: owner.token,
    body: { name: "Scale bot", public_url_slug: slug, is_public: true, configuration },
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return { owner, slug, chatbotId: id };
}

function chat(server: Server, slug: string, visitorId: string, message: string): Promise<Response> {
  return call(server, "/api/chat", { body: { chatbot_slug: slug, visitor_id: visitorId, message } });
}

/** The logged turns of one visitor, by status, read through the owner's inbox. */
async function statusesOf(server: Server, bot: { owner: Owner; chatbotId: string }, visitorId: string) {
  const response = await call(server, `/api/chatbots/${bot.chatbotId}/messages?limit=100&visitor_id=${visitorId}`, {
    token: bot.owner.token,
  });
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: Array<{ status: string }> };
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.status] = (counts[item.status] ?? 0) + 1;
  return counts;
}

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

const template = inject("postgresTemplate");

describe.skipIf(!template)("two production servers on one PostgreSQL database (needs TEST_DATABASE_URL)", () => {
  let database: TestDatabase;
  const running: RunningServer[] = [];
  let A: Server;
  let B: Server;
  /** A, B, A, B...: where the nth request of a sequence goes. */
  const alternate = (index: number) => (index % 2 === 0 ? A : B);

  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    // What every instance of one deployment shares: the database, the secret, the limits; and,
    // as behind a load balancer, both believe the client address it forwards (per-IP budgets).
    const env = {
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      OWNER_MONTHLY_MESSAGES: String(MONTHLY_QUOTA),
      TRUST_PROXY: "1",
    };
    // One after the other: two start-ups at once on a shared 2-core machine only slow both.
    running.push(await startServer(env));
    running.push(await startServer(env));
    A = { name: "A", baseUrl: running[0].baseUrl };
    B = { name: "B", baseUrl: running[1].baseUrl };
  });

  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    await database?.dispose();
  });

  describe("the per-visitor chat limit", () => {
    // Windows are fixed and aligned to the clock: a day-long one won't end mid-test.
    const rateLimit = { rate_limit: { max_messages: VISITOR_LIMIT, window_seconds: 86_400 } };

    it("refuses the (limit+1)th message of one visitor whichever server gets it", async () => {
      const bot = await ownerWithBot(A, rateLimit);
      const visitor = `visitor-${randomUUID()}`;
      const answers: string[] = [];
      for (let turn = 0; turn < VISITOR_LIMIT + 2; turn++) {
        const server = alternate(turn);
        const response = await chat(server, bot.slug, visitor, `Question ${turn + 1}?`);
        const { headers } = response;
        answers.push(
          `${server.name} ${response.status} ${headers.get("x-ratelimit-remaining")}/${headers.get("x-ratelimit-limit")}`,
        );
        await response.arrayBuffer();
      }
      // Each server's answer counts down from where the other left off.
      expect(answers).toEqual(["A 200 2/3", "B 200 1/3", "A 200 0/3", "B 429 0/3", "A 429 0/3"]);
      // Another visitor of the same bot is not held back by the first one's spent window.
      expect((await chat(B, bot.slug, `visitor-${randomUUID()}`, "Me too?")).status).toBe(200);
      // The inbox holds exactly the admitted turns (refused ones store no message).
      expect(await statusesOf(B, bot, visitor)).toEqual({ answered: VISITOR_LIMIT });
    });

    it("admits exactly the limit from a concurrent burst split across both servers", async () => {
      const bot = await ownerWithBot(B, rateLimit);
      const visitor = `visitor-${randomUUID()}`;
      const burst = 12;
      const statuses = await Promise.all(
        Array.from({ length: burst }, async (_, index) => {
          const response = await chat(alternate(index), bot.slug, visitor, `Burst ${index + 1}?`);
          await response.arrayBuffer();
          return response.status;
        }),
      );
      expect(tally(statuses)).toEqual({ 200: VISITOR_LIMIT, 429: burst - VISITOR_LIMIT });
      expect(await statusesOf(A, bot, visitor)).toEqual({ answered: VISITOR_LIMIT });
    });
  });

  describe("the owner's monthly quota (OWNER_MONTHLY_MESSAGES)", () => {
    it("refuses turn quota+1 across both servers, from any visitor", async () => {
      const bot = await ownerWithBot(B);
      const statuses: string[] = [];
      for (let turn = 0; turn < MONTHLY_QUOTA + 2; turn++) {
        const server = alternate(turn);
        // A new visitor each turn: only the owner's quota is shared between them.
        const response = await chat(server, bot.slug, `visitor-${randomUUID()}`, `Turn ${turn + 1}?`);
        // Past the quota the limit named is the quota (an admitted turn names the visitor's).
        const limit = response.status === 429 ? ` limit=${response.headers.get("x-ratelimit-limit")}` : "";
        statuses.push(`${server.name} ${response.status}${limit}`);
        await response.arrayBuffer();
      }
      expect(statuses).toEqual([
        ...Array.from({ length: MONTHLY_QUOTA }, (_, turn) => `${alternate(turn).name} 200`),
        `${alternate(MONTHLY_QUOTA).name} 429 limit=${MONTHLY_QUOTA}`,
        `${alternate(MONTHLY_QUOTA + 1).name} 429 limit=${MONTHLY_QUOTA}`,
      ]);
    });

    it("admits exactly the quota from a concurrent burst split across both servers", async () => {
      const bot = await ownerWithBot(A);
      const burst = MONTHLY_QUOTA + 6;
      const statuses = await Promise.all(
        Array.from({ length: burst }, async (_, index) => {
          const response = await chat(alternate(index), bot.slug, `visitor-${randomUUID()}`, `Burst ${index + 1}?`);
          await response.arrayBuffer();
          return response.status;
        }),
      );
      expect(tally(statuses)).toEqual({ 200: MONTHLY_QUOTA, 429: burst - MONTHLY_QUOTA });
    });
  });

  describe("the sign-in limits (lib/auth/rate-limit.ts)", () => {
    /** Failed sign-ins of one email from one client address, in order, to the given servers in turn. */
    async function failedSignIns(servers: Server[], ip: string, count: number): Promise<number[]> {
      const email = `nobody-${randomUUID().slice(0, 8)}@example.test`;
      const statuses: number[] = [];
      for (let attempt = 0; attempt < count; attempt++) {
        const response = await call(servers[attempt % servers.length], "/api/auth/token", {
          ip,
          body: { email, password: "not the password" },
        });
        statuses.push(response.status);
        if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        await response.arrayBuffer();
      }
      return statuses;
    }

    it("refuses failed sign-ins spread across both servers at the same count as on one", async () => {
      await awayFromAuthWindowBoundary();
      const expected = [...Array(AUTH_ATTEMPT_LIMIT).fill(401), 429, 429];
      // Documentation addresses (RFC 5737), one per sequence, so the sequences share no budget.
      const onOne = await failedSignIns([A], "192.0.2.1", AUTH_ATTEMPT_LIMIT + 2);
      const onBoth = await failedSignIns([A, B], "192.0.2.2", AUTH_ATTEMPT_LIMIT + 2);
      expect(onOne).toEqual(expected);
      expect(onBoth).toEqual(expected);
    }, 90_000);

    it("counts every attempt of a concurrent burst split across both servers", async () => {
      await awayFromAuthWindowBoundary();
      const email = `nobody-${randomUUID().slice(0, 8)}@example.test`;
      const burst = AUTH_ATTEMPT_LIMIT + 4;
      const statuses = await Promise.all(
        Array.from({ length: burst }, async (_, index) => {
          const response = await call(alternate(index), "/api/auth/token", {
            ip: "198.51.100.7",
            body: { email, password: "not the password" },
          });
          await response.arrayBuffer();
          return response.status;
        }),
      );
      expect(tally(statuses)).toEqual({ 401: AUTH_ATTEMPT_LIMIT, 429: burst - AUTH_ATTEMPT_LIMIT });
    }, 90_000);
  });

  describe("sessions", () => {
    it("accepts on B the cookie and the token A issued, and refuses them on B once A signed them out", async () => {
      const owner = await signUpOverHttp(A, "two-servers");
      const cookie = await signInWithForm(A, owner);
      const token = await issueToken(A, owner);

      // B honours both: reads, a cookie-authenticated change (CSRF: from B's own origin) and the dashboard.
      expect((await call(B, "/api/chatbots", { cookie })).status).toBe(200);
      expect((await call(B, "/api/chatbots", { token })).status).toBe(200);
      const changed = await call(B, "/api/profile", {
        method: "PUT",
        cookie,
        body: { name: "Set on B", bio: "", skills: "", experience: "", interests: "" },
      });
      expect(changed.status).toBe(200);
      const readOnA = await call(A, "/api/profile", { token });
      expect(((await readOnA.json()) as { name: string }).name).toBe("Set on B");
      expect((await call(B, "/dashboard", { cookie })).status).toBe(200);

      // Signing the cookie out on A ends it on B; the token is a session of its own and lives on.
      expect((await call(A, "/api/auth/logout", { method: "POST", cookie })).status).toBe(204);
      expect((await call(B, "/api/chatbots", { cookie })).status).toBe(401);
      expect((await call(B, "/dashboard", { cookie })).headers.get("location")).toMatch(/\/login/);
      expect((await call(B, "/api/chatbots", { token })).status).toBe(200);

      expect((await call(A, "/api/auth/logout", { method: "POST", token })).status).toBe(204);
      expect((await call(B, "/api/chatbots", { token })).status).toBe(401);
    });

    it("ends on B every session and token when A signs out everywhere", async () => {
      const owner = await signUpOverHttp(B, "two-servers");
      const cookie = await signInWithForm(B, owner);
      const token = await issueToken(B, owner);
      const other = await issueToken(A, owner);
      expect((await call(B, "/api/chatbots", { cookie })).status).toBe(200);

      expect((await call(A, "/api/auth/logout?all=true", { method: "POST", token: other })).status).toBe(204);
      for (const server of [A, B]) {
        expect((await call(server, "/api/chatbots", { cookie: owner.cookie })).status).toBe(401);
        expect((await call(server, "/api/chatbots", { cookie })).status).toBe(401);
        expect((await call(server, "/api/chatbots", { token })).status).toBe(401);
        expect((await call(server, "/api/chatbots", { token: owner.token })).status).toBe(401);
      }
    });
  });
});
