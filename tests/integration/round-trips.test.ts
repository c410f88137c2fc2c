import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listMessages } from "@/app/api/chatbots/[id]/messages/route";
import { GET as listChatbots } from "@/app/api/chatbots/route";
import { POST as createKey } from "@/app/api/keys/route";
import { GET as readProfile, PUT as writeProfile } from "@/app/api/profile/route";
import { type Database, setDatabaseForTests } from "@/lib/db";
import { openPostgres } from "@/lib/db/postgres";
import { jsonRequest, type SignedUpOwner, signUpOwner } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { openTestDatabase, type TestDatabase, testTargets } from "../support/databases";
import { ADA } from "../support/profiles";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

// Round trips to PostgreSQL, counted on the wire by a proxy between the app's pool and the server:
// a chat turn in at most 3, an owner's API request in at most 3 (issue 11). node-postgres runs in
// pipeline mode, so a transaction's opening travels with its first statement; the caller's
// session or key is one statement; a turn is private.start_turn and private.finish_turn.
const BUDGET = 3;

describe.skipIf(!testTargets().includes("postgres"))("round trips to PostgreSQL per request", () => {
  let handle: TestDatabase;
  let proxy: TcpProxy;
  let proxied: Database;
  let owner: SignedUpOwner;
  let apiKey: string;
  let bot: { id: string; slug: string };

  /** The round trips `request` costs, after one untimed run that opens the pool's connection. */
  async function roundTripsOf(request: () => Promise<Response>, expectedStatus = 200): Promise<number> {
    expect((await request()).status).toBe(expectedStatus);
    const before = proxy.roundTrips();
    const response = await request();
    expect(response.status).toBe(expectedStatus);
    await response.arrayBuffer();
    return proxy.roundTrips() - before;
  }

  beforeAll(async () => {
    handle = await openTestDatabase("postgres");
    const url = new URL(handle.url ?? "");
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    // One connection, so every request after the first reuses it and no connection set-up is counted.
    proxied = openPostgres(url.toString(), { max: 1 });
    setDatabaseForTests(proxied);
    owner = await signUpOwner();
    bot = await insertBotWithProfile(handle.db, { id: owner.userId }, { profile: ADA });
    const key = await createKey(jsonRequest("/api/keys", { name: "round trips" }, { headers: owner.bearer }));
    expect(key.status).toBe(201);
    apiKey = ((await key.json()) as { key: string }).key;
  });

  afterAll(async () => {
    await proxied?.close();
    await proxy?.close();
    await handle?.dispose();
  });

  it(`answers a visitor's chat turn in at most ${BUDGET}`, async () => {
    const visitor = `round-trips-${randomUUID()}`;
    const turn = () => postChat({ chatbot_slug: bot.slug, visitor_id: visitor, message: "Where does Ada work?" });
    expect(await roundTripsOf(turn)).toBeLessThanOrEqual(BUDGET);
  });

  const credentials = {
    "a Bearer access token": () => owner.bearer,
    "the session cookie": () => ({ cookie: owner.cookie }),
    "an API key": () => ({ authorization: `Bearer ${apiKey}` }),
  };

  for (const [credential, headers] of Object.entries(credentials)) {
    it(`serves the owner's message list, chatbots and profile in at most ${BUDGET} each, with ${credential}`, async () => {
      const messages = () =>
        listMessages(new Request(`http://localhost/api/chatbots/${bot.id}/messages?limit=20`, { headers: headers() }), {
          params: Promise.resolve({ id: bot.id }),
        });
      const chatbots = () => listChatbots(new Request("http://localhost/api/chatbots", { headers: headers() }));
      const profile = () => readProfile(new Request("http://localhost/api/profile", { headers: headers() }));
      const update = () =>
        writeProfile(
          jsonRequest(
            "/api/profile",
            { ...ADA, bio: `${ADA.bio} (${credential})` },
            { method: "PUT", headers: { origin: "http://localhost", ...headers() } },
          ),
        );
      expect(await roundTripsOf(messages)).toBeLessThanOrEqual(BUDGET);
      expect(await roundTripsOf(chatbots)).toBeLessThanOrEqual(BUDGET);
      expect(await roundTripsOf(profile)).toBeLessThanOrEqual(BUDGET);
      expect(await roundTripsOf(update)).toBeLessThanOrEqual(BUDGET);
    });
  }

  it("counts what it claims to: two statements one after another are two round trips", async () => {
    const before = proxy.roundTrips();
    await proxied.query("select 1");
    await proxied.query("select 2");
    expect(proxy.roundTrips() - before).toBe(2);
  });
});
