import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { asOwner, asVisitor } from "@/lib/db";
import { sqlState } from "@/lib/errors";
import { describeEachDatabase } from "../support/databases";
import { insertChatbotWithTraffic, insertOwner, insertProfile, type TestOwner } from "../support/owners";

const TABLES = ["profiles", "chatbots", "visitors", "messages"] as const;

async function sqlError(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return sqlState(error);
  }
  throw new Error("expected the statement to be refused");
}

describeEachDatabase("row level security", (db, target) => {
  let alice: TestOwner;
  let bob: TestOwner;
  let aliceBot: Awaited<ReturnType<typeof insertChatbotWithTraffic>>;
  let bobBot: Awaited<ReturnType<typeof insertChatbotWithTraffic>>;

  beforeAll(async () => {
    alice = await insertOwner(db());
    bob = await insertOwner(db());
    await insertProfile(db(), alice, "Alice");
    await insertProfile(db(), bob, "Bob");
    aliceBot = await insertChatbotWithTraffic(db(), alice);
    bobBot = await insertChatbotWithTraffic(db(), bob, { isPublic: false });
  });

  it("enables RLS on every table in the public schema", async () => {
    const rows = await db().query<{ table_name: string; rls: boolean }>(
      `select c.relname as table_name, c.relrowsecurity as rls
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')`,
    );
    expect(rows.map((row) => row.table_name)).toEqual(expect.arrayContaining([...TABLES]));
    expect(rows.filter((row) => !row.rls).map((row) => row.table_name)).toEqual([]);
  });

  it("shows each owner only their own rows in every table", async () => {
    for (const [owner, own, other] of [
      [alice, aliceBot, bobBot],
      [bob, bobBot, aliceBot],
    ] as const) {
      const seen = await asOwner(owner.claims, async (tx) => ({
        profiles: await tx.query<{ user_id: string }>("select user_id from profiles"),
        chatbots: await tx.query<{ id: string }>("select id from chatbots"),
        visitors: await tx.query<{ id: string }>("select id from visitors"),
        messages: await tx.query<{ id: string }>("select id from messages"),
      }));
      expect(seen.profiles.map((row) => row.user_id)).toEqual([owner.id]);
      expect(seen.chatbots.map((row) => row.id)).toEqual([own.chatbotId]);
      expect(seen.visitors.map((row) => row.id)).toEqual([own.visitorId]);
      expect(seen.messages.map((row) => row.id)).toEqual([own.messageId]);
      expect(seen.chatbots.map((row) => row.id)).not.toContain(other.chatbotId);
    }
  });

  it("lets owners change their own rows and silently skips everyone else's", async () => {
    const changed = await asOwner(alice.claims, async (tx) => ({
      own: await tx.query("update chatbots set name = 'Renamed' where id = $1 returning id", [aliceBot.chatbotId]),
      others: await tx.query("update chatbots set name = 'Hijacked' where id = $1 returning id", [bobBot.chatbotId]),
      othersMessage: await tx.query("update messages set is_read = true where id = $1 returning id", [
        bobBot.messageId,
      ]),
      othersDeleted: await tx.query("delete from visitors where id = $1 returning id", [bobBot.visitorId]),
      othersProfile: await tx.query("delete from profiles where user_id = $1 returning id", [bob.id]),
    }));
    expect(changed.own).toHaveLength(1);
    expect(changed.others).toHaveLength(0);
    expect(changed.othersMessage).toHaveLength(0);
    expect(changed.othersDeleted).toHaveLength(0);
    expect(changed.othersProfile).toHaveLength(0);
    const [bobsBot] = await db().query<{ name: string }>("select name from chatbots where id = $1", [bobBot.chatbotId]);
    expect(bobsBot.name).not.toBe("Hijacked");
  });

  it("refuses rows written in another owner's name", async () => {
    const refusals = [
      () =>
        asOwner(alice.claims, (tx) =>
          tx.query("insert into chatbots (user_id, name, public_url_slug) values ($1, 'Fake', $2)", [
            bob.id,
            `fake-${randomUUID().slice(0, 8)}`,
          ]),
        ),
      () =>
        asOwner(alice.claims, (tx) =>
          tx.query("insert into profiles (user_id, bio, skills, experience, interests) values ($1, '', '', '', '')", [
            bob.id,
          ]),
        ),
      () =>
        asOwner(alice.claims, (tx) =>
          tx.query("update chatbots set user_id = $1 where id = $2", [bob.id, aliceBot.chatbotId]),
        ),
      () =>
        asOwner(alice.claims, (tx) =>
          tx.query("insert into visitors (chatbot_id, visitor_id) values ($1, 'intruder')", [bobBot.chatbotId]),
        ),
      () =>
        asOwner(alice.claims, (tx) =>
          tx.query("insert into messages (chatbot_id, conversation_id, message) values ($1, $2, 'spoofed')", [
            bobBot.chatbotId,
            randomUUID(),
          ]),
        ),
    ];
    for (const refusal of refusals) expect(await sqlError(refusal())).toBe("42501");
  });

  it("refuses a message naming another chatbot's visitor, whoever writes it (owners write no messages at all)", async () => {
    // Before: the insert policy checked only chatbot_id, and visitor_id is a foreign key, which
    // ignores RLS, so Bob could plant turns on Alice's visitor (issue 12, fix 2).
    expect(
      await sqlError(
        asOwner(bob.claims, (tx) =>
          tx.query(
            "insert into messages (chatbot_id, visitor_id, conversation_id, message, status) values ($1, $2, $3, 'planted', 'answered')",
            [bobBot.chatbotId, aliceBot.visitorId, randomUUID()],
          ),
        ),
      ),
    ).toBe("42501");
    // Even the server's own role can't pair one bot's message with another bot's visitor.
    expect(
      await sqlError(
        db().query(
          "insert into public.messages (chatbot_id, visitor_id, conversation_id, message, status) values ($1, $2, $3, 'planted', 'answered')",
          [bobBot.chatbotId, aliceBot.visitorId, randomUUID()],
        ),
      ),
    ).toBe("23503");
  });

  it("never lets an owner rewrite what a visitor sent", async () => {
    const state = await sqlError(
      asOwner(alice.claims, (tx) =>
        tx.query("update messages set message = 'edited' where id = $1", [aliceBot.messageId]),
      ),
    );
    expect(state).toBe("42501");
    const marked = await asOwner(alice.claims, (tx) =>
      tx.query<{ is_read: boolean }>("update messages set is_read = true where id = $1 returning is_read", [
        aliceBot.messageId,
      ]),
    );
    expect(marked).toEqual([{ is_read: true }]);
  });

  it("gives anon no table at all", async () => {
    for (const table of TABLES) {
      expect(await sqlError(asVisitor((tx) => tx.query(`select * from public.${table}`)))).toBe("42501");
    }
  });

  it("shows visitors a public chatbot's page, and a private one only to its owner", async () => {
    const publicPage = await asVisitor((tx) => tx.query("select name from private.chatbot_page($1)", [aliceBot.slug]));
    expect(publicPage).toHaveLength(1);
    const privateForVisitor = await asVisitor((tx) =>
      tx.query("select name from private.chatbot_page($1)", [bobBot.slug]),
    );
    expect(privateForVisitor).toHaveLength(0);
    const privateForOwner = await asOwner(bob.claims, (tx) =>
      tx.query("select name from private.chatbot_page($1)", [bobBot.slug]),
    );
    expect(privateForOwner).toHaveLength(1);
    const privateForOther = await asOwner(alice.claims, (tx) =>
      tx.query("select name from private.chatbot_page($1)", [bobBot.slug]),
    );
    expect(privateForOther).toHaveLength(0);
  });

  it("generates a free slug even where RLS hides the taken one", async () => {
    const [free] = await asOwner(alice.claims, (tx) =>
      tx.query<{ slug: string }>("select generate_unique_slug($1) as slug", [`fresh-${randomUUID().slice(0, 8)}`]),
    );
    expect(free.slug).toMatch(/^fresh-[0-9a-f]{8}$/);
    const [next] = await asOwner(alice.claims, (tx) =>
      tx.query<{ slug: string }>("select generate_unique_slug($1) as slug", [bobBot.slug]),
    );
    expect(next.slug).toBe(`${bobBot.slug}-2`);
    expect(await sqlError(asVisitor((tx) => tx.query("select generate_unique_slug('x-bot')")))).toBe("42501");
  });

  it("keeps owners apart when their transactions run concurrently", async () => {
    const rounds = Array.from({ length: 20 }, (_, round) => {
      const [owner, own] = round % 2 === 0 ? [alice, aliceBot] : [bob, bobBot];
      return asOwner(owner.claims, async (tx) => {
        const [who] = await tx.query<{ uid: string }>("select auth.uid() as uid");
        const bots = await tx.query<{ id: string }>("select id from chatbots");
        return { owner: owner.id, uid: who.uid, bots: bots.map((bot) => bot.id), own: own.chatbotId };
      });
    });
    for (const seen of await Promise.all(rounds)) {
      expect(seen.uid).toBe(seen.owner);
      expect(seen.bots).toEqual([seen.own]);
    }
    // The claims are transaction-local: nothing leaks to the next statement on the connection.
    const [after] = await db().query<{ uid: string | null }>("select auth.uid() as uid");
    expect(after.uid).toBeNull();
    expect(target).toMatch(/pglite|postgres/);
  });

  it("deletes a chatbot's visitors and messages with it", async () => {
    const carol = await insertOwner(db());
    const bot = await insertChatbotWithTraffic(db(), carol);
    const deleted = await asOwner(carol.claims, (tx) =>
      tx.query("delete from chatbots where id = $1 returning id", [bot.chatbotId]),
    );
    expect(deleted).toHaveLength(1);
    const [left] = await db().query<{ visitors: number; messages: number }>(
      "select (select count(*) from visitors where chatbot_id = $1) as visitors, (select count(*) from messages where chatbot_id = $1) as messages",
      [bot.chatbotId],
    );
    expect(left).toEqual({ visitors: 0, messages: 0 });
  });
});
