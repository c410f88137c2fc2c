import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningServer, startServer } from "@/scripts/next-server";
import { openTestDatabase, type TestDatabase } from "../support/databases";

// 200 visitors sending 5 messages each, all at once, against the production server on
// PostgreSQL: every accepted message is stored exactly once, visitors are counted once each, and
// nothing answers 5xx. The limits are raised so that no refusal hides a loss.

const VISITORS = 200;
const MESSAGES_EACH = 5;

describe.skipIf(!inject("postgresTemplate"))("load without loss (PostgreSQL)", () => {
  let database: TestDatabase;
  let server: RunningServer;
  let chatbotId: string;

  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    server = await startServer({
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      OWNER_MONTHLY_MESSAGES: "1000000",
      // Each visitor comes from an address of its own, as on the internet; the per-IP limit stays on.
      TRUST_PROXY: "1",
    });
    const credentials = { email: `load-${randomUUID().slice(0, 8)}@example.test`, password: "a long enough password" };
    const base = server.baseUrl;
    expect(
      (
        await fetch(`${base}/api/auth/signup`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: base },
          body: JSON.stringify(credentials),
        })
      ).status,
    ).toBe(201);
    const token = (await (
      await fetch(`${base}/api/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(credentials),
      })
    ).json()) as { access_token: string };
    const created = await fetch(`${base}/api/chatbots`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.access_token}` },
      body: JSON.stringify({
        name: "Load target",
        configuration: { rate_limit: { max_messages: 100, window_seconds: 600 } },
      }),
    });
    expect(created.status).toBe(201);
    chatbotId = ((await created.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  it(`stores ${VISITORS} x ${MESSAGES_EACH} concurrent messages exactly once, with no 5xx`, async () => {
    const statuses = new Map<number, number>();
    const visitor = async (index: number) => {
      const visitorId = `load-${index}-${randomUUID().slice(0, 8)}`;
      let conversationId: string | undefined;
      for (let turn = 0; turn < MESSAGES_EACH; turn++) {
        const response = await fetch(`${server.baseUrl}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `198.51.${index >> 8}.${index & 255}` },
          body: JSON.stringify({
            chatbot_id: chatbotId,
            visitor_id: visitorId,
            conversation_id: conversationId,
            message: `${visitorId} says ${turn}`,
          }),
          signal: AbortSignal.timeout(120_000),
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.ok) conversationId = ((await response.json()) as { conversation_id: string }).conversation_id;
        else await response.text();
      }
    };
    await Promise.all(Array.from({ length: VISITORS }, (_, index) => visitor(index)));

    expect(Object.fromEntries(statuses)).toEqual({ 200: VISITORS * MESSAGES_EACH });
    const [stored] = await database.db.query<{ messages: number; distinct_texts: number; answered: number }>(
      `select count(*)::int as messages, count(distinct message)::int as distinct_texts,
              count(*) filter (where status = 'answered')::int as answered
       from public.messages where chatbot_id = $1`,
      [chatbotId],
    );
    expect(stored).toEqual({
      messages: VISITORS * MESSAGES_EACH,
      distinct_texts: VISITORS * MESSAGES_EACH,
      answered: VISITORS * MESSAGES_EACH,
    });
    const [visitors] = await database.db.query<{ visitors: number; conversations: number }>(
      `select (select count(*)::int from public.visitors where chatbot_id = $1) as visitors,
              (select count(distinct conversation_id)::int from public.messages where chatbot_id = $1) as conversations`,
      [chatbotId],
    );
    expect(visitors).toEqual({ visitors: VISITORS, conversations: VISITORS });
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
  }, 300_000);
});
