import fs from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { describeEachDatabase } from "../support/databases";

const HARDENING = path.join(process.cwd(), "supabase/migrations/20261124000600_hardening.sql");
const DEFAULT_PRIVILEGES = path.join(process.cwd(), "supabase/migrations/20261124000700_default_privileges.sql");
const FINISH_TURN = "private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text)";
const FINISH_TURN_WITH_SOURCES =
  "private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text, jsonb)";
const START_TURN =
  "private.start_turn(uuid, uuid, text, text, text, uuid, text, text, text, integer, integer, integer, integer, boolean, text)";
const PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"] as const;

/** The table-wide privileges a role holds on each table of schema public, by table. */
async function tablePrivileges(db: Database, role: string): Promise<Record<string, string[]>> {
  const tables = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const held: string[] = [];
    for (const privilege of PRIVILEGES) {
      const [row] = await db.query<{ held: boolean }>("select has_table_privilege($1, $2, $3) as held", [
        role,
        `public.${name}`,
        privilege,
      ]);
      if (row.held) held.push(privilege);
    }
    result[name] = held;
  }
  return result;
}

async function columnUpdatable(db: Database, table: string, column: string): Promise<boolean> {
  const [row] = await db.query<{ held: boolean }>(
    "select has_column_privilege('authenticated', $1, $2, 'UPDATE') as held",
    [`public.${table}`, column],
  );
  return row.held;
}

async function canExecute(db: Database, role: string, fn: string): Promise<boolean> {
  const [row] = await db.query<{ held: boolean }>("select has_function_privilege($1, $2, 'EXECUTE') as held", [
    role,
    fn,
  ]);
  return row.held;
}

/** What the API roles may do, as the migrations intend it; checked before and after Supabase's grants. */
async function expectIntendedPrivileges(db: Database): Promise<void> {
  const owner = ["SELECT", "INSERT", "UPDATE", "DELETE"];
  expect(await tablePrivileges(db, "authenticated")).toEqual({
    api_keys: ["DELETE"],
    // Listed through a column grant that leaves out the address; made by a function only.
    blocked_visitors: ["DELETE"],
    // Rollups and counters the server keeps: owners read them, only the server writes.
    chatbot_daily_feedback: ["SELECT"],
    chatbot_daily_questions: ["SELECT"],
    chatbot_daily_stats: ["SELECT"],
    chatbot_daily_usage: ["SELECT"],
    // A subset bot's items: added and taken away, never rewritten.
    chatbot_knowledge_items: ["SELECT", "INSERT", "DELETE"],
    chatbot_unanswered_questions: ["SELECT"],
    chatbots: owner,
    // Written by private.visitor_contact only.
    contacts: ["SELECT", "DELETE"],
    conversations: ["SELECT"],
    // Items are updated through a column grant (kind, title, body, alternatives); chunks are rewritten.
    knowledge_chunks: ["SELECT", "INSERT", "DELETE"],
    knowledge_items: ["SELECT", "INSERT", "DELETE"],
    // Owners never write messages or visitors: start_turn does, as the server.
    messages: ["SELECT", "DELETE"],
    // Inserted and updated through column grants: the owner's choices, never the schedule.
    notification_settings: ["SELECT"],
    owner_monthly_usage: ["SELECT"],
    // Replies are written through private.add_owner_reply, which checks the conversation is theirs.
    owner_replies: ["SELECT"],
    profiles: owner,
    question_resolutions: owner,
    visitors: ["SELECT", "UPDATE", "DELETE"],
    // Deliveries are the server's log; endpoints are created through a function (the secret is the server's).
    webhook_deliveries: ["SELECT"],
    webhook_endpoints: ["SELECT", "DELETE"],
  });
  expect(Object.values(await tablePrivileges(db, "anon")).flat()).toEqual([]);
  // Owners flip is_read and nothing else of a message; keys are never rewritten.
  expect(await columnUpdatable(db, "messages", "is_read")).toBe(true);
  for (const column of [
    "message",
    "response",
    "status",
    "chatbot_id",
    "visitor_id",
    "created_at",
    "feedback",
    "feedback_comment",
  ]) {
    expect(await columnUpdatable(db, "messages", column), column).toBe(false);
  }
  for (const column of ["name", "key_hash", "user_id"]) {
    expect(await columnUpdatable(db, "api_keys", column), column).toBe(false);
  }
  const [keyHash] = await db.query<{ held: boolean }>(
    "select has_column_privilege('authenticated', 'public.api_keys', 'key_hash', 'SELECT') as held",
  );
  expect(keyHash.held).toBe(false);
  // Webhook signing secrets: the server's own role alone reads them.
  for (const role of ["anon", "authenticated"]) {
    const [secrets] = await db.query<{ held: boolean }>(
      "select has_table_privilege($1, 'private.webhook_secrets', 'SELECT') as held",
      [role],
    );
    expect(secrets.held, role).toBe(false);
  }

  expect(await canExecute(db, "anon", FINISH_TURN)).toBe(false);
  expect(await canExecute(db, "authenticated", FINISH_TURN)).toBe(false);
  expect(await canExecute(db, "service_role", FINISH_TURN)).toBe(true);
  expect(await canExecute(db, "anon", FINISH_TURN_WITH_SOURCES)).toBe(false);
  expect(await canExecute(db, "authenticated", FINISH_TURN_WITH_SOURCES)).toBe(false);
  expect(await canExecute(db, "service_role", FINISH_TURN_WITH_SOURCES)).toBe(true);
  // start_turn takes the limits and the caller's id from the server: no API role may call it.
  expect(await canExecute(db, "anon", START_TURN)).toBe(false);
  expect(await canExecute(db, "authenticated", START_TURN)).toBe(false);
  expect(await canExecute(db, "service_role", START_TURN)).toBe(true);
  expect(await canExecute(db, "anon", "private.config_integer(jsonb, integer, integer)")).toBe(false);
}

describeEachDatabase("API roles' privileges", (db) => {
  it("gives owners exactly the intended table privileges, no TRUNCATE, and visitors none", async () => {
    await expectIntendedPrivileges(db());
  });

  it("narrows Supabase's default grant of ALL again when the hardening migration is re-applied", async () => {
    // What Supabase's default privileges give the API roles on every table created in public.
    await db().exec("grant all on all tables in schema public to anon, authenticated");
    expect(await columnUpdatable(db(), "messages", "message")).toBe(true);
    expect((await tablePrivileges(db(), "authenticated")).messages).toContain("TRUNCATE");

    await db().exec(await fs.readFile(HARDENING, "utf8"));
    // Later tables' own revokes and grants (one line each), as re-running their migrations would.
    const migrations = path.dirname(HARDENING);
    const later = (await fs.readdir(migrations)).filter((file) => file > path.basename(HARDENING)).sort();
    const laterGrants: string[] = [];
    for (const file of later) {
      const lines = (await fs.readFile(path.join(migrations, file), "utf8")).split("\n");
      laterGrants.push(...lines.filter((line) => /^(revoke|grant) .* on public\./.test(line)));
    }
    await db().exec(laterGrants.join("\n"));
    await expectIntendedPrivileges(db());
  });

  it("gives a table added later no access for the API roles, even under Supabase's default privileges", async () => {
    // Supabase's defaults, as its platform sets them for the role that runs migrations.
    await db().exec("alter default privileges in schema public grant all on tables to anon, authenticated");
    await db().exec(await fs.readFile(DEFAULT_PRIVILEGES, "utf8"));
    await db().exec("create table public.added_later (id int primary key)");
    for (const role of ["anon", "authenticated"]) {
      const [row] = await db().query<{ held: boolean }>(
        "select has_table_privilege($1, 'public.added_later', 'SELECT') as held",
        [role],
      );
      expect(row.held, role).toBe(false);
    }
    await db().exec("drop table public.added_later");
  });
});
