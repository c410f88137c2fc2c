import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { GET as listMessages } from "@/app/api/chatbots/[id]/messages/route";
import { GET as listVisitors } from "@/app/api/chatbots/[id]/visitors/route";
import { type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { insertBotWithProfile } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

type Page = { items: { id: string; created_at?: string; last_seen?: string }[]; next_cursor: string | null };

const segment = (id: string) => ({ params: Promise.resolve({ id }) });
const cursor = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describeEachDatabase("keyset pagination at full timestamp precision", (db) => {
  let owner: SignedUpOwner;

  beforeAll(async () => {
    owner = await signUpOwner();
  });

  const newBot = () =>
    insertBotWithProfile(
      db(),
      { id: owner.userId, email: owner.email, claims: { sub: owner.userId, role: "authenticated" } },
      { profile: null },
    );

  /** Every page of a listing, following next_cursor to the end. */
  async function allPages(
    list: typeof listMessages | typeof listVisitors,
    botId: string,
    path: string,
    limit: number,
  ): Promise<Page[]> {
    const pages: Page[] = [];
    let next: string | null = "";
    while (next !== null) {
      const query = `limit=${limit}${next ? `&cursor=${next}` : ""}`;
      const response = await list(
        new Request(`${TEST_ORIGIN}/api/chatbots/${botId}/${path}?${query}`, { headers: owner.bearer }),
        segment(botId),
      );
      expect(response.status, await response.clone().text()).toBe(200);
      const page = (await response.json()) as Page;
      pages.push(page);
      next = page.next_cursor;
      expect(pages.length).toBeLessThan(10);
    }
    return pages;
  }

  /** Inserts 5 messages of one visitor in one transaction; createdAt null keeps now() for all. */
  async function insertMessages(botId: string, createdAt: (index: number) => string | null): Promise<string[]> {
    return db().transaction(async (tx) => {
      const [visitor] = await tx.query<{ id: string }>(
        "insert into visitors (chatbot_id, visitor_id) values ($1, $2) returning id",
        [botId, `v-${randomUUID()}`],
      );
      const ids: string[] = [];
      for (let index = 0; index < 5; index++) {
        const [row] = await tx.query<{ id: string }>(
          `insert into messages (chatbot_id, visitor_id, conversation_id, message, status, created_at)
           values ($1, $2, $3, $4, 'answered', coalesce($5::timestamptz, now())) returning id`,
          [botId, visitor.id, randomUUID(), `m${index}`, createdAt(index)],
        );
        ids.push(row.id);
      }
      return ids;
    });
  }

  it("pages through messages written in one transaction (one now()) without dropping any", async () => {
    const bot = await newBot();
    const ids = await insertMessages(bot.id, () => null);
    const pages = await allPages(listMessages, bot.id, "messages", 2);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    // Same created_at: the id breaks the tie, descending.
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual([...ids].sort().reverse());
  });

  it("keeps rows a microsecond apart in order across page boundaries", async () => {
    const bot = await newBot();
    const ids = await insertMessages(bot.id, (index) => `2026-03-01T10:00:00.12345${index}Z`);
    const pages = await allPages(listMessages, bot.id, "messages", 2);
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual([...ids].reverse());
  });

  it("pages through visitors seen at the same instant, and a microsecond apart, without dropping any", async () => {
    const bot = await newBot();
    const ids = await db().transaction(async (tx) => {
      const inserted: string[] = [];
      for (let index = 0; index < 6; index++) {
        // Three share one now(); three are a microsecond apart, all inside the same millisecond.
        const seen = index < 3 ? null : `2020-01-01T00:00:00.00000${index}Z`;
        const [row] = await tx.query<{ id: string }>(
          `insert into visitors (chatbot_id, visitor_id, first_seen, last_seen)
           values ($1, $2, coalesce($3::timestamptz, now()), coalesce($3::timestamptz, now())) returning id`,
          [bot.id, `v-${index}-${randomUUID()}`, seen],
        );
        inserted.push(row.id);
      }
      return inserted;
    });
    const pages = await allPages(listVisitors, bot.id, "visitors", 2);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 2]);
    const expected = [...ids.slice(0, 3).sort().reverse(), ...ids.slice(3).reverse()];
    expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(expected);
  });

  it("answers a cursor it never issued with 400, and never lets one reach the database as a bad timestamp", async () => {
    const bot = await newBot();
    await insertMessages(bot.id, () => null);
    const id = randomUUID();
    for (const forged of [
      `2026-01-01T00:00:00.000Z|${id}`,
      `+275760-09-13T00:00:00.000Z|${id}`,
      `-1|${id}`,
      `1.5|${id}`,
      `1e6|${id}`,
      `01|${id}`,
      `99999999999999999|${id}`,
      `1|not-a-uuid`,
      `1|${id}|1`,
      "1",
    ]) {
      for (const path of ["messages", "visitors"]) {
        const list = path === "messages" ? listMessages : listVisitors;
        const response = await list(
          new Request(`${TEST_ORIGIN}/api/chatbots/${bot.id}/${path}?cursor=${cursor(forged)}`, {
            headers: owner.bearer,
          }),
          segment(bot.id),
        );
        expect(response.status, `${path}: ${forged}`).toBe(400);
        const body = (await response.json()) as { error: { code: string; details: { path: string }[] } };
        expect(body.error.code).toBe("validation_failed");
        expect(body.error.details[0].path).toBe("cursor");
      }
    }
    // A well-formed position is just a position, however it was made: 1 µs after the epoch
    // precedes every row, so the page is empty.
    const early = await listMessages(
      new Request(`${TEST_ORIGIN}/api/chatbots/${bot.id}/messages?cursor=${cursor(`1|${id}`)}`, {
        headers: owner.bearer,
      }),
      segment(bot.id),
    );
    expect(early.status).toBe(200);
    expect(await early.json()).toEqual({ items: [], next_cursor: null });
  });
});
