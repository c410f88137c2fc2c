import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as exportAccount } from "@/app/api/account/export/route";
import { POST as token } from "@/app/api/auth/token/route";
import { GET as listKeys } from "@/app/api/keys/route";
import {
  changeEmailAction,
  changePasswordAction,
  confirmEmailAction,
  deleteAccountAction,
  forgotPasswordAction,
  resetPasswordAction,
} from "@/lib/account/actions";
import { asService, type Database } from "@/lib/db";
import { chatbotScopedTables } from "@/lib/db/queries/account";
import { setAfterResponseForTests } from "@/lib/http/after-response";
import { ACCOUNT_BATCH_ROWS } from "@/lib/limits";
import { callAction } from "../support/actions";
import { jsonRequest, type SignedUpOwner, setEnv, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { linkIn, type SmtpStub, startSmtpStub } from "../support/smtp-server";

async function tokenStatus(email: string, password: string): Promise<number> {
  return (await token(jsonRequest("/api/auth/token", { email, password }))).status;
}

async function keysStatus(headers: Record<string, string>): Promise<number> {
  return (await listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers }))).status;
}

/** What afterResponse() scheduled, run by the test when it chooses to. */
const scheduled: (() => Promise<void>)[] = [];
async function runScheduled(): Promise<void> {
  for (const task of scheduled.splice(0)) await task();
}

let smtp: SmtpStub;
beforeAll(async () => {
  smtp = await startSmtpStub();
  setAfterResponseForTests((task) => scheduled.push(task));
});
afterAll(async () => {
  setAfterResponseForTests(undefined);
  setEnv({ SMTP_URL: undefined, SITE_URL: undefined });
  await smtp.close();
});

describeEachDatabase("account: password and email", (db) => {
  let owner: SignedUpOwner;
  beforeAll(async () => {
    owner = await signUpOwner();
  });

  it("changes the password after the current one, keeping this session and ending the others", async () => {
    const wrong = await callAction(
      changePasswordAction,
      { current_password: "not it", new_password: "a new password" },
      owner.cookie,
    );
    expect(wrong.state).toMatchObject({ status: "error", fieldErrors: { current_password: "Incorrect password." } });
    expect(JSON.stringify(wrong.state)).not.toContain("a new password");

    const changed = await callAction(
      changePasswordAction,
      { current_password: owner.password, new_password: "a new password" },
      owner.cookie,
    );
    expect(changed.state).toMatchObject({ status: "success" });
    expect(await keysStatus({ cookie: owner.cookie })).toBe(200);
    expect(await keysStatus(owner.bearer)).toBe(401);
    expect(await tokenStatus(owner.email, owner.password)).toBe(401);
    expect(await tokenStatus(owner.email, "a new password")).toBe(200);
    owner.password = "a new password";
  });

  it("changes the email at once after the password when no mail can be sent", async () => {
    setEnv({ SMTP_URL: undefined });
    const email = `moved-${randomUUID().slice(0, 8)}@example.test`;
    const taken = await callAction(
      changeEmailAction,
      { email: (await signUpOwner()).email, password: owner.password },
      owner.cookie,
    );
    expect(taken.state).toMatchObject({
      status: "error",
      code: "conflict",
      fieldErrors: { email: expect.any(String) },
    });
    const moved = await callAction(changeEmailAction, { email, password: owner.password }, owner.cookie);
    expect(moved.state).toMatchObject({ status: "success", data: { pending: false } });
    expect(await tokenStatus(email, owner.password)).toBe(200);
    expect(await tokenStatus(owner.email, owner.password)).toBe(401);
    owner.email = email;
  });

  it("with SMTP, mails a single-use confirmation link to the new address and moves only when it is followed", async () => {
    setEnv({ SMTP_URL: smtp.url, SITE_URL: "https://chatfolio.example" });
    const email = `confirmed-${randomUUID().slice(0, 8)}@example.test`;
    const pending = await callAction(changeEmailAction, { email, password: owner.password }, owner.cookie);
    expect(pending.state).toMatchObject({ status: "success", data: { pending: true } });
    expect(await tokenStatus(email, owner.password)).toBe(401);

    const link = new URL(linkIn(await smtp.waitFor(email), "/confirm-email"));
    expect(link.origin).toBe("https://chatfolio.example");
    const tokenValue = link.searchParams.get("token") ?? "";
    const stored = await db().query<{ token_hash: string }>(
      "select token_hash from private.account_tokens where user_id = (select id from auth.users where email = $1)",
      [owner.email],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(tokenValue);

    expect((await callAction(confirmEmailAction, { token: tokenValue })).state).toMatchObject({ status: "success" });
    expect(await tokenStatus(email, owner.password)).toBe(200);
    expect((await callAction(confirmEmailAction, { token: tokenValue })).state).toMatchObject({
      status: "error",
      code: "not_found",
    });
    owner.email = email;
  });
});

describeEachDatabase("forgotten password", (db) => {
  let owner: SignedUpOwner;
  beforeAll(async () => {
    owner = await signUpOwner();
    setEnv({ SMTP_URL: smtp.url, SITE_URL: "https://chatfolio.example" });
  });

  it("answers the same for an unknown address, and mails only an account's owner", async () => {
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    const known = await callAction(forgotPasswordAction, { email: owner.email });
    const stranger = await callAction(forgotPasswordAction, { email: unknown });
    expect(known.state).toEqual({ status: "success", data: { email: owner.email } });
    expect(stranger.state).toEqual({ status: "success", data: { email: unknown } });
    // Nothing was looked up or sent before the answer.
    expect(smtp.received.filter((mail) => mail.to.includes(owner.email))).toHaveLength(0);
    await runScheduled();
    await smtp.waitFor(owner.email);
    expect(smtp.received.some((mail) => mail.to.includes(unknown))).toBe(false);
  });

  it("resets through the emailed link once, signing that browser in and every other session out", async () => {
    const mails = smtp.received.filter((mail) => mail.to.includes(owner.email));
    const link = new URL(linkIn(mails.at(-1) ?? (await smtp.waitFor(owner.email)), "/reset-password"));
    expect(link.origin).toBe("https://chatfolio.example");
    const resetToken = link.searchParams.get("token") ?? "";
    const [row] = await db().query<{ token_hash: string; ttl: number }>(
      `select token_hash, extract(epoch from expires_at - created_at)::int as ttl
         from private.account_tokens where user_id = $1 and purpose = 'password_reset'`,
      [owner.userId],
    );
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toBe(resetToken);
    expect(row.ttl).toBe(3600);

    const short = await callAction(resetPasswordAction, { token: resetToken, password: "short" });
    expect(short.state).toMatchObject({ status: "error", fieldErrors: { password: expect.any(String) } });
    const reset = await callAction(resetPasswordAction, { token: resetToken, password: "reset password 1" });
    expect(reset.redirectedTo).toBe("/dashboard");
    expect(await keysStatus({ cookie: reset.setCookie })).toBe(200);
    expect(await keysStatus(owner.bearer)).toBe(401);
    expect(await keysStatus({ cookie: owner.cookie })).toBe(401);
    expect(await tokenStatus(owner.email, owner.password)).toBe(401);
    expect(await tokenStatus(owner.email, "reset password 1")).toBe(200);

    const again = await callAction(resetPasswordAction, { token: resetToken, password: "reset password 2" });
    expect(again.state).toMatchObject({ status: "error", fieldErrors: { token: expect.any(String) } });
  });

  it("refuses an expired link", async () => {
    await callAction(forgotPasswordAction, { email: owner.email });
    const before = smtp.received.length;
    await runScheduled();
    while (smtp.received.length === before) await new Promise((resolve) => setTimeout(resolve, 20));
    const resetToken = new URL(linkIn(smtp.received.at(-1) ?? smtp.received[0], "/reset-password")).searchParams.get(
      "token",
    );
    await db().query("update private.account_tokens set expires_at = now() - interval '1 second' where user_id = $1", [
      owner.userId,
    ]);
    const expired = await callAction(resetPasswordAction, { token: resetToken, password: "reset password 3" });
    expect(expired.state).toMatchObject({ status: "error", fieldErrors: { token: expect.any(String) } });
    expect(await tokenStatus(owner.email, "reset password 1")).toBe(200);
  });

  it("limits requests per address, whether or not it has an account", async () => {
    const unknown = `limited-${randomUUID().slice(0, 8)}@example.test`;
    const states = [];
    for (let attempt = 0; attempt < 6; attempt++)
      states.push((await callAction(forgotPasswordAction, { email: unknown })).state);
    expect(states.slice(0, 5).every((state) => state?.status === "success")).toBe(true);
    expect(states[5]).toMatchObject({ status: "error", code: "rate_limited" });
    scheduled.splice(0);
  });
});

interface ForeignKey {
  child: string;
  column: string;
  parent: string;
  parentColumn: string;
}

/**
 * Every table (public and private) with a foreign-key path to auth.users, read from the catalogue,
 * with the edges that lead there: a table added later is covered without touching this test.
 */
async function ownerScopedTables(db: Database): Promise<{ tables: string[]; edges: ForeignKey[] }> {
  const edges = await db.query<ForeignKey>(
    `select format('%I.%I', cn.nspname, c.relname) as child, a.attname as column,
            format('%I.%I', pn.nspname, p.relname) as parent, pa.attname as "parentColumn"
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
       join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
       join pg_attribute pa on pa.attrelid = k.confrelid and pa.attnum = k.confkey[1]
      where k.contype = 'f' and cn.nspname in ('public', 'private') and cardinality(k.conkey) = 1`,
  );
  const reached = new Set(["auth.users"]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const edge of edges) {
      if (reached.has(edge.parent) && !reached.has(edge.child)) {
        reached.add(edge.child);
        grew = true;
      }
    }
  }
  return { tables: [...reached].filter((table) => table !== "auth.users"), edges };
}

/** Each owner-scoped table's rows belonging to the user (as JSON text), following the foreign keys. */
async function rowsOf(db: Database, userId: string): Promise<Map<string, string[]>> {
  const { tables, edges } = await ownerScopedTables(db);
  const values = new Map<string, unknown[]>([["auth.users.id", [userId]]]);
  const rows = new Map<string, string[]>();
  const pending = [...tables];
  while (pending.length > 0) {
    const table = pending.shift() as string;
    const inbound = edges.filter(
      (edge) => edge.child === table && (edge.parent === "auth.users" || rows.has(edge.parent)),
    );
    const waiting = edges.some(
      (edge) => edge.child === table && tables.includes(edge.parent) && !rows.has(edge.parent) && edge.parent !== table,
    );
    if (inbound.length === 0 || waiting) {
      pending.push(table);
      continue;
    }
    const found = new Set<string>();
    const records: Record<string, unknown>[] = [];
    for (const edge of inbound) {
      const keys = values.get(`${edge.parent}.${edge.parentColumn}`) ?? [];
      if (keys.length === 0) continue;
      const matched = await db.query<{ row: Record<string, unknown> }>(
        `select to_jsonb(t) as row from ${table} t where t.${edge.column}::text = any($1::text[])`,
        [keys.map(String)],
      );
      for (const { row } of matched) {
        const text = JSON.stringify(row);
        if (!found.has(text)) records.push(row);
        found.add(text);
      }
    }
    rows.set(table, [...found]);
    for (const edge of edges.filter((candidate) => candidate.parent === table)) {
      values.set(
        `${table}.${edge.parentColumn}`,
        records.map((record) => record[edge.parentColumn]),
      );
    }
  }
  return rows;
}

async function remaining(db: Database, table: string, rows: string[]): Promise<number> {
  if (rows.length === 0) return 0;
  const [row] = await db.query<{ count: number }>(
    `select count(*)::int as count from ${table} t where to_jsonb(t) = any($1::jsonb[])`,
    [rows],
  );
  return row.count;
}

describeEachDatabase("account: export and deletion", (db) => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;

  /** A profile, a bot with more messages than one batch, a visitor, a key, a webhook and two sessions. */
  async function seed(who: SignedUpOwner, messages: number): Promise<string> {
    const { PUT: putProfile } = await import("@/app/api/profile/route");
    const { POST: createChatbot } = await import("@/app/api/chatbots/route");
    const { POST: createKey } = await import("@/app/api/keys/route");
    const { POST: chat } = await import("@/app/api/chat/route");
    const profile = { name: `Profile ${who.email}`, bio: "B", skills: "S", experience: "E", interests: "I" };
    await putProfile(jsonRequest("/api/profile", profile, { method: "PUT", headers: who.bearer }));
    const bot = (await (
      await createChatbot(jsonRequest("/api/chatbots", { name: "Bot" }, { headers: who.bearer }))
    ).json()) as {
      id: string;
    };
    await createKey(jsonRequest("/api/keys", { name: "key" }, { headers: who.bearer }));
    const { POST: addKnowledge } = await import("@/app/api/knowledge/route");
    const note = await addKnowledge(
      jsonRequest("/api/knowledge", { kind: "note", title: "Note", body: "Known." }, { headers: who.bearer }),
    );
    expect(note.status).toBe(201);
    const { PUT: chooseKnowledge } = await import("@/app/api/chatbots/[id]/knowledge/route");
    const chosen = await chooseKnowledge(
      jsonRequest(
        `/api/chatbots/${bot.id}/knowledge`,
        { scope: "selected", item_ids: [((await note.json()) as { id: string }).id] },
        { method: "PUT", headers: who.bearer },
      ),
      { params: Promise.resolve({ id: bot.id }) },
    );
    expect(chosen.status).toBe(200);
    await db().query(
      "insert into public.question_resolutions (user_id, normalized_question, resolution) values ($1, 'a question', 'dismissed')",
      [who.userId],
    );
    const visitor = `v-${randomUUID()}`;
    const answered = await chat(jsonRequest("/api/chat", { chatbot_id: bot.id, visitor_id: visitor, message: "Hi" }));
    expect(answered.status).toBe(200);
    // A question the bot can't answer, which the waiting-questions rollup keeps.
    const unanswered = await chat(
      jsonRequest("/api/chat", { chatbot_id: bot.id, visitor_id: visitor, message: "Does she keep bees?" }),
    );
    expect(unanswered.status).toBe(200);
    await db().query(
      `insert into public.messages (chatbot_id, visitor_id, conversation_id, message, response, status, created_at)
       select $1, v.id, gen_random_uuid(), 'bulk ' || n, 'ok', 'answered', now() - make_interval(secs => n)
         from generate_series(1, $2) n, (select id from public.visitors where chatbot_id = $1 limit 1) v`,
      [bot.id, messages],
    );
    // An owner's reply and a day's thumbs (their own paths are tested in visitor-loop.test.ts).
    await db().query(
      `insert into public.owner_replies (chatbot_id, conversation_id, user_id, body)
       select $1, m.conversation_id, $2, 'A reply' from public.messages m where m.chatbot_id = $1 limit 1`,
      [bot.id, who.userId],
    );
    await db().query(
      `insert into public.chatbot_daily_feedback (chatbot_id, day, user_id, thumbs_up) values ($1, current_date, $2, 1)`,
      [bot.id, who.userId],
    );
    // Details a visitor left (their own path is tested in contacts.test.ts).
    await db().query(
      `insert into public.contacts (chatbot_id, user_id, visitor_id, name, email)
       select $1, $2, v.id, 'A contact', 'contact@example.test' from public.visitors v where v.chatbot_id = $1 limit 1`,
      [bot.id, who.userId],
    );
    // A block made from the inbox (its own path is tested in privacy.test.ts).
    await db().query(
      `insert into public.blocked_visitors (chatbot_id, user_id, visitor_id)
       select $1, $2, v.visitor_id from public.visitors v where v.chatbot_id = $1 limit 1`,
      [bot.id, who.userId],
    );
    // A webhook endpoint (at an address never reached here) and one logged delivery.
    const { POST: createWebhook } = await import("@/app/api/webhooks/route");
    const webhook = await createWebhook(
      jsonRequest(
        "/api/webhooks",
        { url: "https://localhost:9/hook", events: ["message.created"] },
        { headers: who.bearer },
      ),
    );
    expect(webhook.status).toBe(201);
    const { id: endpointId } = (await webhook.json()) as { id: string };
    await db().query(
      `insert into public.webhook_deliveries (endpoint_id, user_id, event, webhook_id, status, attempt)
       values ($1, $2, 'message.created', 'msg_seed', 'ok', 1)`,
      [endpointId, who.userId],
    );
    return bot.id;
  }

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
    await seed(owner, ACCOUNT_BATCH_ROWS + 150);
    await seed(other, 3);
  });

  it("exports all of the caller's data as one JSON file, page after page, and none of another owner's", async () => {
    const response = await exportAccount(new Request(`${TEST_ORIGIN}/api/account/export`, { headers: owner.bearer }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="chatfolio-export-/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = await response.text();
    const data = JSON.parse(text) as {
      user: { id: string };
      profile: { user_id: string };
      chatbots: { user_id: string }[];
      visitors: unknown[];
      messages: { id: string; message: string }[];
      owner_replies: { user_id: string; body: string }[];
    };
    expect(data.user.id).toBe(owner.userId);
    expect(data.profile.user_id).toBe(owner.userId);
    expect(data.chatbots.map((bot) => bot.user_id)).toEqual([owner.userId]);
    expect(data.visitors).toHaveLength(1);
    expect(data.messages).toHaveLength(ACCOUNT_BATCH_ROWS + 152);
    expect(new Set(data.messages.map((message) => message.id)).size).toBe(ACCOUNT_BATCH_ROWS + 152);
    expect(data.owner_replies).toEqual([expect.objectContaining({ user_id: owner.userId, body: "A reply" })]);
    expect(text).not.toContain(other.userId);
  });

  it("deletes every row of the owner in every owner-scoped table of the catalogue, and none of another owner's", async () => {
    const { tables } = await ownerScopedTables(db());
    for (const table of [
      "public.profiles",
      "public.chatbots",
      "public.visitors",
      "public.messages",
      "public.api_keys",
      "private.sessions",
    ]) {
      expect(tables).toContain(table);
    }
    // Deletion walks the chatbot-scoped tables in batches, each table after those that refer to it.
    const batched = await asService(chatbotScopedTables);
    expect(batched).toEqual(expect.arrayContaining(["public.messages", "public.visitors"]));
    expect(batched.indexOf("public.messages")).toBeLessThan(batched.indexOf("public.visitors"));
    const mine = await rowsOf(db(), owner.userId);
    const theirs = await rowsOf(db(), other.userId);
    for (const table of tables.filter((name) => name.startsWith("public."))) {
      expect(mine.get(table)?.length ?? 0, `seed a row of ${table} for the owner in this test`).toBeGreaterThan(0);
    }

    const wrong = await callAction(deleteAccountAction, { email: other.email }, owner.cookie);
    expect(wrong.state).toMatchObject({ status: "error", fieldErrors: { email: expect.any(String) } });
    // Another owner's cookie deletes that owner's account at most, never this one's.
    const byOther = await callAction(deleteAccountAction, { email: owner.email }, other.cookie);
    expect(byOther.state).toMatchObject({ status: "error", code: "validation_failed" });

    const deleted = await callAction(deleteAccountAction, { email: owner.email.toUpperCase() }, owner.cookie);
    expect(deleted.redirectedTo).toBe("/signup?deleted=1");
    for (const [table, rows] of mine) expect(await remaining(db(), table, rows), table).toBe(0);
    const users = await db().query("select 1 from auth.users where id = $1", [owner.userId]);
    expect(users).toHaveLength(0);
    for (const [table, rows] of theirs) expect(await remaining(db(), table, rows), table).toBe(rows.length);
    expect(await keysStatus(other.bearer)).toBe(200);
    expect(await keysStatus(owner.bearer)).toBe(401);
  });
});
