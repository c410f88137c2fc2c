import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { LegacyImportError } from "@/lib/legacy/source";
import { runLegacyImport, sourceLabel } from "@/lib/legacy/use-cases";
import { describeEachDatabase } from "../support/databases";
import { seedLegacy } from "../support/legacy";
import { insertOwner, insertProfile, type TestOwner } from "../support/owners";

async function counts(db: Database, chatbotId: string) {
  const [row] = await db.query<{ visitors: number; messages: number; profiles: number; ledger: number }>(
    `select (select count(*) from visitors where chatbot_id = $1) as visitors,
            (select count(*) from messages where chatbot_id = $1) as messages,
            (select count(*) from profiles) as profiles,
            (select count(*) from private.legacy_imports) as ledger`,
    [chatbotId],
  );
  return row;
}

describeEachDatabase("legacy import", (db) => {
  let zoe: TestOwner;

  beforeAll(async () => {
    await seedLegacy(db());
    zoe = await insertOwner(db(), "Zoe@Example.test");
  });

  it("refuses an email with no account, writing nothing", async () => {
    await expect(runLegacyImport({ ownerEmail: "nobody@example.test" })).rejects.toThrow(/sign up first/);
    const [ledger] = await db().query<{ n: number }>("select count(*) as n from private.legacy_imports");
    expect(ledger.n).toBe(0);
  });

  it("refuses tables of the wrong shape before writing anything", async () => {
    await db().exec("create schema odd; create table odd.profile (name text); create table odd.messages (body text);");
    const attempt = runLegacyImport({ ownerEmail: zoe.email, sourceSchema: "odd" });
    await expect(attempt).rejects.toBeInstanceOf(LegacyImportError);
    await expect(runLegacyImport({ ownerEmail: zoe.email, sourceSchema: "odd" })).rejects.toThrow(
      /odd.profile lacks column\(s\) location, bio.*odd.messages lacks column\(s\) message/,
    );
    await expect(runLegacyImport({ ownerEmail: zoe.email, sourceSchema: "missing" })).rejects.toThrow(/not found/);
    await expect(runLegacyImport({ ownerEmail: zoe.email, sourceSchema: "x; drop table y" })).rejects.toThrow(
      /Not a schema name/,
    );
  });

  it("gives the owner the profile, a default chatbot, its visitors and its messages", async () => {
    const result = await runLegacyImport({ ownerEmail: "zoe@example.test" });
    expect(result).toMatchObject({
      ownerId: zoe.id,
      profile: "imported",
      chatbotCreated: true,
      chatbotSlug: "zoe-legacy",
      visitors: 2,
      messagesImported: 4,
      messagesSkipped: 0,
    });
    const [profile] = await db().query("select name, location, bio, skills from profiles where user_id = $1", [zoe.id]);
    expect(profile).toEqual({ name: "Zoë Legacy", location: "Lyon", bio: "Builds things.", skills: "Go, SQL" });
    const [bot] = await db().query("select user_id, name, is_public from chatbots where id = $1", [result.chatbotId]);
    expect(bot).toEqual({ user_id: zoe.id, name: "Ask about Zoë Legacy", is_public: true });

    const visitors = await db().query<{ visitor_id: string; name: string | null; first_seen: Date; last_seen: Date }>(
      "select visitor_id, name, first_seen, last_seen from visitors where chatbot_id = $1 order by first_seen",
      [result.chatbotId],
    );
    expect(visitors.map((visitor) => visitor.name)).toEqual(["Vera", "Sam"]);
    expect(visitors[0].visitor_id).toBe("visitor-1");
    expect(visitors[1].visitor_id).toMatch(/^legacy-[0-9a-f]{32}$/);
    expect(visitors[0].last_seen.getTime() - visitors[0].first_seen.getTime()).toBe(60_000);

    const messages = await db().query<{
      message: string;
      status: string;
      conversation_id: string;
      visitor: string | null;
    }>(
      `select m.message, m.status, m.conversation_id, v.visitor_id as visitor
       from messages m left join visitors v on v.id = m.visitor_id
       where m.chatbot_id = $1 order by m.created_at`,
      [result.chatbotId],
    );
    expect(messages.map((message) => [message.message, message.status, message.visitor])).toEqual([
      ["Hi?", "answered", "visitor-1"],
      ["Skills?", "answered", "visitor-1"],
      ["Where?", "answered", visitors[1].visitor_id],
      ["Lost", "failed", null],
    ]);
    expect(messages[0].conversation_id).toBe(messages[1].conversation_id);
    expect(messages[2].conversation_id).not.toBe(messages[0].conversation_id);
  });

  it("imports nothing twice, and only what is new on a later run", async () => {
    const first = await runLegacyImport({ ownerEmail: zoe.email });
    expect(first).toMatchObject({
      profile: "already-imported",
      chatbotCreated: false,
      messagesImported: 0,
      messagesSkipped: 4,
    });
    const before = await counts(db(), first.chatbotId);
    expect(before).toMatchObject({ visitors: 2, messages: 4 });

    await db().query(
      "insert into legacy.messages (message, response, visitor_id, created_at) values ('Again', 'Yes.', 'visitor-1', '2024-04-01')",
    );
    const later = await runLegacyImport({ ownerEmail: zoe.email });
    expect(later).toMatchObject({ chatbotId: first.chatbotId, messagesImported: 1, messagesSkipped: 4, visitors: 1 });
    const after = await counts(db(), first.chatbotId);
    expect(after).toMatchObject({ visitors: 2, messages: 5, profiles: before.profiles });
    const [visitor] = await db().query<{ name: string; last_seen: Date }>(
      "select name, last_seen from visitors where chatbot_id = $1 and visitor_id = 'visitor-1'",
      [first.chatbotId],
    );
    expect(visitor.name).toBe("Vera");
    expect(visitor.last_seen.toISOString().slice(0, 10)).toBe("2024-04-01");
  });

  it("won't import the same legacy data into a second account", async () => {
    const other = await insertOwner(db());
    await expect(runLegacyImport({ ownerEmail: other.email })).rejects.toThrow(/another account/);
  });

  it("keeps a profile the owner already wrote, and dedupes id-less rows by content", async () => {
    await db().exec(`
      create schema legacy2;
      create table legacy2.profile (name text, location text, bio text, skills text, experience text, interests text);
      create table legacy2.messages (message text, response text, visitor_id text, visitor_name text, created_at timestamptz, is_read boolean);
      insert into legacy2.profile values ('Admin', null, 'b', 's', 'e', 'i');
      insert into legacy2.messages values ('Q', 'A', 'v', null, '2024-01-01T00:00:00Z', false);
      insert into legacy2.messages values ('Q', 'A', 'v', null, '2024-01-01T00:00:00Z', false);
    `);
    const owner = await insertOwner(db());
    await insertProfile(db(), owner, "Already Here");
    const result = await runLegacyImport({ ownerEmail: owner.email, sourceSchema: "legacy2" });
    expect(result).toMatchObject({
      profile: "kept",
      chatbotSlug: "admin-bot",
      messagesImported: 1,
      messagesSkipped: 1,
    });
    const [profile] = await db().query<{ name: string }>("select name from profiles where user_id = $1", [owner.id]);
    expect(profile.name).toBe("Already Here");
    const [message] = await db().query<{ is_read: boolean }>("select is_read from messages where chatbot_id = $1", [
      result.chatbotId,
    ]);
    expect(message.is_read).toBe(false);
    const again = await runLegacyImport({ ownerEmail: owner.email, sourceSchema: "legacy2" });
    expect(again).toMatchObject({ messagesImported: 0, messagesSkipped: 2 });
  });
});

describe("legacy import source labels", () => {
  it("names a source without its credentials", () => {
    expect(sourceLabel("postgres://user:secret@db.example:6543/old", "public")).toBe("db.example:6543/old/public");
    expect(sourceLabel("postgresql://db.example/old", "public")).toBe("db.example:5432/old/public");
    expect(sourceLabel(undefined, "legacy")).toBe("app/legacy");
  });
});
