import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportMessages } from "@/app/api/chatbots/[id]/messages/export/route";
import { asOwner, type Database } from "@/lib/db";
import { getChatbotAnalytics, histogramMedian, LATENCY_BOUNDS_MS } from "@/lib/db/queries/analytics";
import {
  countUnread,
  getConversation,
  listConversations,
  listConversationTurns,
  searchQuery,
} from "@/lib/db/queries/inbox";
import { listRefusalsPerDay } from "@/lib/db/queries/refusals";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { inboxChangesAction, markConversationsAction } from "@/lib/inbox/actions";
import { csvCell } from "@/lib/inbox/export";
import { EXPORT_BATCH } from "@/lib/inbox/use-cases/export";
import { cursorSchema } from "@/lib/validation/pagination";
import { type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

const segment = (id: string) => ({ params: Promise.resolve({ id }) });

/** Calls a server action as the browser would, with this Cookie header. */
async function callAction<Data>(
  action: (previous: FormState<Data>, input: Record<string, unknown>) => Promise<FormState<Data>>,
  cookie: string,
  input: Record<string, unknown>,
): Promise<FormState<Data>> {
  const request = new Request(`${TEST_ORIGIN}/dashboard/inbox`, {
    method: "POST",
    headers: { origin: TEST_ORIGIN, cookie },
  });
  const { result, thrown } = await runWithRequestForTests(request, () =>
    action(idleFormState as FormState<Data>, input),
  );
  if (thrown) throw thrown;
  return result as FormState<Data>;
}

const claimsOf = (owner: SignedUpOwner) => ({ sub: owner.userId, email: owner.email, role: "authenticated" as const });

async function rollupSnapshot(db: Database) {
  return {
    conversations: await db.query(
      `select chatbot_id, conversation_id, visitor_id, started_at, last_message_at, last_message, message_count,
              unread_count, failed_count from public.conversations order by chatbot_id, conversation_id`,
    ),
    daily: await db.query("select * from public.chatbot_daily_stats order by chatbot_id, day"),
    questions: await db.query("select * from public.chatbot_daily_questions order by chatbot_id, day, question"),
  };
}

describe("inbox helpers", () => {
  it("turns typed text into a prefix query of words only", () => {
    expect(searchQuery("  Dublin's harbour!  ")).toBe("dublin:* & s:* & harbour:*");
    expect(searchQuery("') | !x:* <->")).toBe("x:*");
    expect(searchQuery("!!!")).toBeNull();
  });

  it("escapes CSV cells a spreadsheet would run as formulas, and quotes what needs it", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("estimates the median latency within its histogram bucket", () => {
    const counts = LATENCY_BOUNDS_MS.map(() => 0);
    expect(histogramMedian(counts)).toBeNull();
    counts[2] = 4; // 200-300 ms
    expect(histogramMedian(counts)).toBe(250);
  });
});

describeEachDatabase("the inbox", (db) => {
  let owner: SignedUpOwner;
  let stranger: SignedUpOwner;
  let bot: { id: string; slug: string };
  let quietBot: { id: string; slug: string };
  const vera = `vera-${randomUUID().slice(0, 8)}`;
  const otto = `otto-${randomUUID().slice(0, 8)}`;
  const listAll = (filters: Parameters<typeof listConversations>[1]) =>
    asOwner(claimsOf(owner), (tx) => listConversations(tx, filters));

  beforeAll(async () => {
    owner = await signUpOwner();
    stranger = await signUpOwner();
    bot = await insertBotWithProfile(db(), { id: owner.userId });
    quietBot = await insertBotWithProfile(db(), { id: owner.userId });
    const conversations = { [vera]: randomUUID(), [otto]: randomUUID() };
    for (const [visitor, message] of [
      [vera, "Where does Ada live?"],
      [otto, "=1+1 what are her skills"],
      [vera, "Tell me about the lighthouse project"],
    ]) {
      const response = await postChat({
        message,
        visitor_id: visitor,
        visitor_name: visitor.split("-")[0],
        chatbot_id: bot.id,
        conversation_id: conversations[visitor],
      });
      expect(response.status).toBe(200);
      await response.text();
    }
    // A preview turn and a refused turn: neither is a conversation.
    await db().query(
      `insert into public.messages (chatbot_id, conversation_id, message, status, is_preview)
       values ($1, $2, 'preview lighthouse', 'answered', true)`,
      [bot.id, randomUUID()],
    );
    // Refusals are a counter start_turn increments (no message row); rows left by older versions,
    // stored as 'rate_limited', must not show either.
    await db().query(
      `insert into public.chatbot_daily_usage (chatbot_id, day, refused)
       values ($1, (now() at time zone 'utc')::date, 2)
       on conflict (chatbot_id, day) do update set refused = public.chatbot_daily_usage.refused + 2`,
      [bot.id],
    );
    await db().query(
      `insert into public.messages (chatbot_id, conversation_id, message, status)
       values ($1, $2, 'refused lighthouse', 'rate_limited')`,
      [bot.id, randomUUID()],
    );
  });

  it("lists conversations newest activity first, unread and counted, without previews or refusals", async () => {
    const { items, next_cursor } = await listAll({ limit: 50 });
    expect(next_cursor).toBeNull();
    expect(items.map((item) => [item.visitor?.name, item.message_count, item.unread_count, item.last_message])).toEqual(
      [
        ["vera", 2, 2, "Tell me about the lighthouse project"],
        ["otto", 1, 1, "=1+1 what are her skills"],
      ],
    );
    expect(items[0].chatbot_id).toBe(bot.id);
    expect(await asOwner(claimsOf(owner), countUnread)).toBe(3);
  });

  it("pages with a keyset cursor", async () => {
    const first = await listAll({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.next_cursor).not.toBeNull();
    const second = await listAll({ limit: 1, cursor: cursorSchema.parse(first.next_cursor) });
    expect(second.items.map((item) => item.visitor?.name)).toEqual(["otto"]);
    expect(second.next_cursor).toBeNull();
  });

  it("filters by bot, text (full-text, prefixes), status and date range", async () => {
    expect((await listAll({ limit: 50, bot: quietBot.id })).items).toEqual([]);
    expect((await listAll({ limit: 50, q: "lighthou" })).items.map((item) => item.visitor?.name)).toEqual(["vera"]);
    expect((await listAll({ limit: 50, q: "refused" })).items).toEqual([]);
    expect((await listAll({ limit: 50, q: "preview" })).items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAll({ limit: 50, from: today, to: today })).items).toHaveLength(2);
    expect((await listAll({ limit: 50, to: "2020-01-01" })).items).toEqual([]);
    expect((await listAll({ limit: 50, status: "failed" })).items).toEqual([]);
    const otto = (await listAll({ limit: 50 })).items.find((item) => item.visitor?.name === "otto");
    if (!otto) throw new Error("otto's conversation is missing");
    await db().query(
      `update public.messages set status = 'failed' where status = 'pending' and conversation_id =
         (select conversation_id from public.conversations where id = $1)`,
      [otto.id],
    );
    await db().query(
      `update public.messages m set status = 'failed' from public.conversations cv
       where cv.id = $1 and m.conversation_id = cv.conversation_id and m.status = 'answered'`,
      [otto.id],
    );
    expect((await listAll({ limit: 50, status: "failed" })).items.map((item) => item.visitor?.name)).toEqual(["otto"]);
    expect((await listAll({ limit: 50, status: "answered" })).items.map((item) => item.visitor?.name)).toEqual([
      "vera",
    ]);
  });

  it("reads a conversation in order; another owner sees nothing of it", async () => {
    const [veras] = (await listAll({ limit: 50, q: "lighthouse" })).items;
    const turns = await asOwner(claimsOf(owner), (tx) => listConversationTurns(tx, { id: veras.id, limit: 1 }));
    expect(turns.items.map((turn) => turn.message)).toEqual(["Where does Ada live?"]);
    expect(turns.next_cursor).not.toBeNull();
    expect(await asOwner(claimsOf(stranger), (tx) => getConversation(tx, veras.id))).toBeNull();
    expect(
      (await asOwner(claimsOf(stranger), (tx) => listConversationTurns(tx, { id: veras.id, limit: 50 }))).items,
    ).toEqual([]);
    expect((await asOwner(claimsOf(stranger), (tx) => listConversations(tx, { limit: 50 }))).items).toEqual([]);
    expect(await asOwner(claimsOf(stranger), countUnread)).toBe(0);
  });

  it("marks conversations read and unread through the action; another owner's cookie is refused and changes nothing", async () => {
    const { items } = await listAll({ limit: 50 });
    const ids = items.map((item) => item.id);
    const refused = await callAction(markConversationsAction, stranger.cookie, { ids, is_read: true });
    expect(refused).toMatchObject({ status: "error", code: "not_found" });
    expect(await asOwner(claimsOf(owner), countUnread)).toBe(3);
    // A list with one foreign id changes none of the owner's either.
    const mixed = await callAction(markConversationsAction, owner.cookie, {
      ids: [ids[0], randomUUID()],
      is_read: true,
    });
    expect(mixed).toMatchObject({ status: "error", code: "not_found" });
    expect(await asOwner(claimsOf(owner), countUnread)).toBe(3);

    const one = await callAction(markConversationsAction, owner.cookie, { ids: ids[0], is_read: "true" });
    expect(one).toMatchObject({ status: "success" });
    expect(await asOwner(claimsOf(owner), countUnread)).toBe(1);
    const all = await callAction(markConversationsAction, owner.cookie, { ids, is_read: true });
    expect(all.status).toBe("success");
    expect(await asOwner(claimsOf(owner), countUnread)).toBe(0);
    expect((await listAll({ limit: 50, unread: "true" })).items).toEqual([]);
    await callAction(markConversationsAction, owner.cookie, { ids: [ids[1]], is_read: false });
    expect((await listAll({ limit: 50, unread: "true" })).items.map((item) => item.id)).toEqual([ids[1]]);
    expect(await callAction(markConversationsAction, owner.cookie, { ids: [], is_read: true })).toMatchObject({
      status: "error",
      code: "validation_failed",
    });
  });

  it("tells a polling inbox when something changed, for the caller's conversations only", async () => {
    const first = await callAction(inboxChangesAction, owner.cookie, {});
    expect(first).toMatchObject({ status: "success", data: { changed: true } });
    const latest = first.status === "success" ? first.data.latest : null;
    expect(await callAction(inboxChangesAction, owner.cookie, { since: latest })).toMatchObject({
      data: { changed: false, latest },
    });
    const response = await postChat({ message: "One more", visitor_id: otto, chatbot_id: bot.id });
    await response.text();
    const after = await callAction(inboxChangesAction, owner.cookie, { since: latest });
    expect(after).toMatchObject({ data: { changed: true } });
    expect(await callAction(inboxChangesAction, stranger.cookie, {})).toMatchObject({
      data: { latest: null, unread: 0, changed: false },
    });
  });

  it("counts refusals per bot and day through one query, for the owner only", async () => {
    const day = new Date().toISOString().slice(0, 10);
    const range = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) };
    expect(await asOwner(claimsOf(owner), (tx) => listRefusalsPerDay(tx, range))).toEqual([
      { chatbotId: bot.id, day, count: 2 },
    ]);
    expect(
      await asOwner(claimsOf(owner), (tx) => listRefusalsPerDay(tx, { ...range, chatbotIds: [quietBot.id] })),
    ).toEqual([]);
    expect(await asOwner(claimsOf(stranger), (tx) => listRefusalsPerDay(tx, range))).toEqual([]);
  });

  it("aggregates analytics from the rollups; another owner gets null", async () => {
    const analytics = await asOwner(claimsOf(owner), (tx) => getChatbotAnalytics(tx, { chatbotId: bot.id, days: 7 }));
    expect(analytics).not.toBeNull();
    if (!analytics) return;
    expect(analytics.daily).toHaveLength(7);
    const today = analytics.daily.at(-1);
    expect(today).toMatchObject({ day: new Date().toISOString().slice(0, 10), messages: 4, visitors: 2, refused: 2 });
    expect(analytics.totals).toEqual({
      messages: 4,
      answered: 3,
      failed: 1,
      refused: 2,
      thumbs_up: 0,
      thumbs_down: 0,
      unanswered: 2,
    });
    expect(analytics.medianLatencyMs).not.toBeNull();
    expect(analytics.hours.reduce((sum, row) => sum + row.messages, 0)).toBe(4);
    expect(analytics.topQuestions).toContainEqual({ question: "where does ada live", asked: 1 });
    expect(analytics.topQuestions.map((row) => row.question)).not.toContain("preview lighthouse");
    expect(
      await asOwner(claimsOf(stranger), (tx) => getChatbotAnalytics(tx, { chatbotId: bot.id, days: 7 })),
    ).toBeNull();
  });

  it("keeps the rollups equal to a rebuild from the messages, and the bounds equal to SQL's", async () => {
    const kept = await rollupSnapshot(db());
    await db().query("select private.rebuild_message_rollups()");
    expect(await rollupSnapshot(db())).toEqual(kept);
    const [{ bounds }] = await db().query<{ bounds: number[] }>("select private.latency_bounds() as bounds");
    expect(bounds).toEqual([...LATENCY_BOUNDS_MS]);
  });

  describe("export", () => {
    const get = (id: string, query: string, headers: Record<string, string>) =>
      exportMessages(
        new Request(`${TEST_ORIGIN}/api/chatbots/${id}/messages/export${query}`, { headers }),
        segment(id),
      );

    it("streams CSV with a header, formula cells escaped, previews and refusals left out", async () => {
      const response = await get(bot.id, "?format=csv", owner.bearer);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="messages.*\.csv"$/);
      const lines = (await response.text()).trimEnd().split("\r\n");
      expect(lines[0]).toBe(
        "id,created_at,conversation_id,visitor_id,visitor_name,message,response,status,outcome,sources,is_read,latency_ms,feedback,feedback_comment,owner_replies",
      );
      expect(lines).toHaveLength(5);
      expect(lines[1]).toContain(",Where does Ada live?,");
      // What the answer was and drew on, named as the inbox names them.
      expect(lines[1]).toMatch(/,answered,from_content,Location,/);
      expect(lines.some((line) => line.includes(",'=1+1 what are her skills,"))).toBe(true);
      expect(lines.join("\n")).not.toMatch(/refused|preview/);
    });

    it("answers JSON, narrowed to one conversation and a date range", async () => {
      const [veras] = (await listAll({ limit: 50, q: "lighthouse" })).items;
      const conversation = await asOwner(claimsOf(owner), (tx) =>
        tx.query<{ conversation_id: string }>("select conversation_id from public.conversations where id = $1", [
          veras.id,
        ]),
      );
      const today = new Date().toISOString().slice(0, 10);
      const response = await get(
        bot.id,
        `?format=json&from=${today}&to=${today}&conversation_id=${conversation[0].conversation_id}`,
        { cookie: owner.cookie },
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { message: string; visitor_name: string }[];
      expect(body.map((row) => row.message)).toEqual(["Where does Ada live?", "Tell me about the lighthouse project"]);
      expect(body[0].visitor_name).toBe("vera");
      const before = await get(bot.id, "?format=json&to=2020-01-01", owner.bearer);
      expect(await before.json()).toEqual([]);
    });

    it("streams more rows than a batch holds, each once, in order", async () => {
      const total = EXPORT_BATCH * 2 + 5;
      await db().query(
        `insert into public.messages (chatbot_id, conversation_id, message, status, created_at)
         select $1, gen_random_uuid(), 'bulk ' || g, 'answered', now() - interval '1 hour' + g * interval '1 millisecond'
         from generate_series(1, $2::integer) g`,
        [quietBot.id, total],
      );
      const response = await get(quietBot.id, "?format=json", owner.bearer);
      const body = (await response.json()) as { message: string }[];
      expect(body.map((row) => row.message)).toEqual(Array.from({ length: total }, (_, index) => `bulk ${index + 1}`));
    });

    it("is 404 for another owner's token and 400 for bad parameters", async () => {
      expect((await get(bot.id, "?format=csv", stranger.bearer)).status).toBe(404);
      expect((await get(randomUUID(), "?format=csv", owner.bearer)).status).toBe(404);
      for (const query of [
        "?format=xml",
        "?from=yesterday",
        "?from=2026-02-30",
        "?conversation_id=x",
        "?from=2026-02-02&to=2026-02-01",
      ]) {
        const response = await get(bot.id, query, owner.bearer);
        expect(response.status, query).toBe(400);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
      }
    });
  });
});

describeEachDatabase("searching the inbox for a common word", (db) => {
  it("walks conversations newest-first once a word is common, with the same results a rare word gets", async () => {
    const owner = await signUpOwner();
    const harbour = await insertBotWithProfile(db(), { id: owner.userId });
    // 420 conversations of 5 messages: every message says "harbour", every tenth also "zeppelin".
    await db().query(
      `insert into public.messages (chatbot_id, conversation_id, message, response, status, created_at)
       select $1, c.id, 'the harbour ' || n || case when c.n % 10 = 0 then ' zeppelin' else '' end, 'ok', 'answered',
              now() - make_interval(mins => c.n * 10 + t)
       from (select gen_random_uuid() as id, n from generate_series(1, 420) n) c, generate_series(1, 5) t`,
      [harbour.id],
    );
    const search = (q: string, cursor?: string) =>
      asOwner(claimsOf(owner), (tx) =>
        listConversations(tx, { limit: 10, q, cursor: cursor ? cursorSchema.parse(cursor) : undefined }),
      );
    const common = await search("harbour");
    expect(common.items).toHaveLength(10);
    const times = common.items.map((item) => Date.parse(item.last_message_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const next = await search("harbour", common.next_cursor ?? undefined);
    expect(next.items).toHaveLength(10);
    expect(next.items.map((item) => item.id)).not.toContain(common.items[0].id);
    expect(Date.parse(next.items[0].last_message_at)).toBeLessThan(times.at(-1) ?? 0);
    // The rare word goes the other way (gathering matches) and finds every tenth conversation.
    const rare = await search("zeppelin");
    expect(rare.items).toHaveLength(10);
    expect(rare.items.map((item) => item.id).filter((id) => common.items.some((c) => c.id === id))).toEqual([
      common.items[9].id,
    ]);
  });
});
