import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { DELETE as deleteData, GET as downloadData } from "@/app/api/chat/data/route";
import { POST as feedbackRoute } from "@/app/api/chat/feedback/route";
import { GET as exportMessages } from "@/app/api/chatbots/[id]/messages/export/route";
import type { VisitorData } from "@/lib/chat/schemas";
import { asOwner, asVisitor } from "@/lib/db";
import { getChatbotAnalytics } from "@/lib/db/queries/analytics";
import { getConversation, listConversationReplies, listConversationTurns } from "@/lib/db/queries/inbox";
import { findVisitorConversation } from "@/lib/db/queries/visitors";
import { sqlState } from "@/lib/errors";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { replyAction } from "@/lib/inbox/actions";
import { newVisitorCookieValue, VISITOR_COOKIE } from "@/lib/visitors/cookie";
import { webVisitorId } from "@/lib/visitors/identity";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

// Issue 14's first part, through the real handlers and actions: a visitor's thumbs on an answer,
// the owner's reply reaching the visitor's conversation, and the visitor's own download and erasure.

interface Browser {
  secret: string;
  cookie: string;
}

function newBrowser(): Browser {
  const value = newVisitorCookieValue();
  return { secret: value.split(".")[0], cookie: `${VISITOR_COOKIE}=${value}` };
}

/** A same-origin request from the chat page, carrying the visitor's cookie. */
const fromPage = (browser: Browser) => ({ cookie: browser.cookie, origin: TEST_ORIGIN });

const claimsOf = (owner: SignedUpOwner) => ({ sub: owner.userId, email: owner.email, role: "authenticated" as const });

async function callReply(cookie: string, input: Record<string, unknown>) {
  const request = new Request(`${TEST_ORIGIN}/dashboard/inbox`, {
    method: "POST",
    headers: { origin: TEST_ORIGIN, cookie },
  });
  const { result, thrown } = await runWithRequestForTests(request, () => replyAction(idleFormState, input));
  if (thrown) throw thrown;
  return result as FormState<{ id: string; body: string; created_at: string }>;
}

const dataRequest = (method: string, chatbotId: string, headers: Record<string, string>) =>
  new Request(`${TEST_ORIGIN}/api/chat/data?chatbot_id=${chatbotId}`, { method, headers });

describeEachDatabase("feedback, owner replies and the visitor's own data", (db) => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let bot: { id: string; slug: string };
  let otherBot: { id: string; slug: string };
  const ada = newBrowser();
  const bob = newBrowser();
  /** Ada's turns at `bot`, oldest first. */
  const adaTurns: string[] = [];
  let adaConversation: string;
  let bobTurn: string;
  let bobConversation: string;
  /** The inbox's id of Ada's conversation. */
  let inboxId: string;

  async function chat(browser: Browser, chatbotId: string, message: string, conversationId?: string) {
    const response = await postChat(
      {
        message,
        visitor_id: webVisitorId(browser.secret, chatbotId),
        visitor_name: "Ada Visitor",
        chatbot_id: chatbotId,
        conversation_id: conversationId,
      },
      { cookie: browser.cookie },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as { message_id: string; conversation_id: string };
  }

  const sendFeedback = (headers: Record<string, string>, body: Record<string, unknown>) =>
    feedbackRoute(jsonRequest("/api/chat/feedback", body, { headers }));

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
    bot = await insertBotWithProfile(db(), { id: owner.userId });
    otherBot = await insertBotWithProfile(db(), { id: other.userId });
    const first = await chat(ada, bot.id, "Where does Ada live?");
    adaConversation = first.conversation_id;
    adaTurns.push(first.message_id);
    adaTurns.push((await chat(ada, bot.id, "What are her skills?", adaConversation)).message_id);
    const bobs = await chat(bob, bot.id, "Tell me about her experience");
    bobTurn = bobs.message_id;
    bobConversation = bobs.conversation_id;
    // The same browser at another owner's bot is another visitor there: erasure here leaves it alone.
    await chat(ada, otherBot.id, "Hello from Ada elsewhere");
    const [row] = await db().query<{ id: string }>(
      "select id from public.conversations where chatbot_id = $1 and conversation_id = $2",
      [bot.id, adaConversation],
    );
    inboxId = row.id;
  });

  it("takes a thumbs up or down (with a one-line comment) on the visitor's own answer only, and lets them change it", async () => {
    const up = await sendFeedback(fromPage(ada), { message_id: adaTurns[0], rating: "up", comment: "ignored" });
    expect(up.status).toBe(200);
    // A comment belongs with a thumbs down only.
    expect(await up.json()).toEqual({ message_id: adaTurns[0], rating: "up", comment: null });

    const down = await sendFeedback(fromPage(ada), {
      message_id: adaTurns[1],
      rating: "down",
      comment: "  Didn't list her languages  ",
    });
    expect(down.status).toBe(200);
    const stored = await db().query<{ id: string; feedback: string; feedback_comment: string | null }>(
      "select id, feedback, feedback_comment from public.messages where id = any($1::uuid[]) order by created_at",
      [adaTurns],
    );
    expect(stored.map((row) => [row.feedback, row.feedback_comment])).toEqual([
      ["up", null],
      ["down", "Didn't list her languages"],
    ]);

    // Changed, then taken back: one rating per message, the day's counts following it.
    expect((await sendFeedback(fromPage(ada), { message_id: adaTurns[0], rating: "down" })).status).toBe(200);
    expect((await sendFeedback(fromPage(ada), { message_id: adaTurns[0], rating: null })).status).toBe(200);
    expect((await sendFeedback(fromPage(ada), { message_id: adaTurns[0], rating: "up" })).status).toBe(200);

    // Another visitor's answer, no cookie, a forged cookie: not theirs (404), and nothing changes.
    for (const headers of [
      fromPage(bob),
      { origin: TEST_ORIGIN },
      { cookie: `${VISITOR_COOKIE}=${ada.secret}.${"A".repeat(22)}`, origin: TEST_ORIGIN },
    ]) {
      const response = await sendFeedback(headers, { message_id: adaTurns[1], rating: "up" });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
    // The cookie rides along cross-site (the embed's is SameSite=None): a foreign page is refused.
    const crossSite = await sendFeedback(
      { cookie: ada.cookie, origin: "https://evil.example" },
      { message_id: adaTurns[1], rating: "up" },
    );
    expect(crossSite.status).toBe(403);
    // Bad input: clear 400s, never a 500.
    for (const body of [
      { message_id: adaTurns[1], rating: "down", comment: "x".repeat(501) },
      { message_id: adaTurns[1], rating: "down", comment: "two\nlines" },
      { message_id: adaTurns[1], rating: "sideways" },
      { message_id: "not-a-uuid", rating: "up" },
    ]) {
      const response = await sendFeedback(fromPage(ada), body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("validation_failed");
    }
    const [after] = await db().query<{ feedback: string }>("select feedback from public.messages where id = $1", [
      adaTurns[1],
    ]);
    expect(after.feedback).toBe("down");

    // The owner sees it beside the answer, and counted per day; another owner sees neither.
    const turns = await asOwner(claimsOf(owner), (tx) => listConversationTurns(tx, { id: inboxId, limit: 50 }));
    expect(turns.items.map((turn) => [turn.feedback, turn.feedback_comment])).toEqual([
      ["up", null],
      ["down", "Didn't list her languages"],
    ]);
    const analytics = await asOwner(claimsOf(owner), (tx) => getChatbotAnalytics(tx, { chatbotId: bot.id, days: 7 }));
    expect(analytics?.totals).toMatchObject({ thumbs_up: 1, thumbs_down: 1 });
    expect(analytics?.daily.at(-1)).toMatchObject({ thumbs_up: 1, thumbs_down: 1 });
    expect(await asOwner(claimsOf(other), (tx) => getChatbotAnalytics(tx, { chatbotId: bot.id, days: 7 }))).toBeNull();
    const seenByOther = await asOwner(claimsOf(other), (tx) =>
      tx.query("select * from public.chatbot_daily_feedback where chatbot_id = $1", [bot.id]),
    );
    expect(seenByOther).toEqual([]);
    // Owners read feedback but can never write it (their column grant is is_read only).
    const forged = await asOwner(claimsOf(owner), (tx) =>
      tx.query("update public.messages set feedback = 'up' where id = $1", [adaTurns[1]]),
    ).catch((error: unknown) => sqlState(error));
    expect(forged).toBe("42501");
  });

  it("stores the owner's reply through the inbox action, for their own conversations only, outside the quota", async () => {
    const [{ turns: quotaBefore }] = await db().query<{ turns: number }>(
      "select coalesce(sum(turns), 0)::int as turns from public.owner_monthly_usage where user_id = $1",
      [owner.userId],
    );
    const replied = await callReply(owner.cookie, {
      conversation: inboxId,
      body: "  I speak Irish too: write to me!  ",
    });
    expect(replied.status).toBe("success");
    if (replied.status !== "success") return;
    expect(replied.data.body).toBe("I speak Irish too: write to me!");

    // Another owner, a conversation nobody has, an empty reply: refused, nothing stored.
    expect(await callReply(other.cookie, { conversation: inboxId, body: "Hijack" })).toMatchObject({
      status: "error",
      code: "not_found",
    });
    expect(await callReply(owner.cookie, { conversation: randomUUID(), body: "Nowhere" })).toMatchObject({
      status: "error",
      code: "not_found",
    });
    expect(await callReply(owner.cookie, { conversation: inboxId, body: "   " })).toMatchObject({
      status: "error",
      code: "validation_failed",
    });
    const rows = await db().query<{ body: string; user_id: string }>(
      "select body, user_id from public.owner_replies where chatbot_id = $1",
      [bot.id],
    );
    expect(rows).toEqual([{ body: "I speak Irish too: write to me!", user_id: owner.userId }]);
    const [{ turns: quotaAfter }] = await db().query<{ turns: number }>(
      "select coalesce(sum(turns), 0)::int as turns from public.owner_monthly_usage where user_id = $1",
      [owner.userId],
    );
    expect(quotaAfter).toBe(quotaBefore);

    // Owners can't write the table directly, and another owner can't read it.
    const direct = await asOwner(claimsOf(owner), (tx) =>
      tx.query(
        "insert into public.owner_replies (chatbot_id, conversation_id, user_id, body) values ($1, $2, $3, 'x')",
        [bot.id, adaConversation, owner.userId],
      ),
    ).catch((error: unknown) => sqlState(error));
    expect(direct).toBe("42501");
    expect(
      await asOwner(claimsOf(other), (tx) =>
        tx.query("select * from public.owner_replies where chatbot_id = $1", [bot.id]),
      ),
    ).toEqual([]);
    expect(await asOwner(claimsOf(other), (tx) => getConversation(tx, inboxId))).toBeNull();

    // The inbox thread shows it; the visitor's conversation carries it, after their turns; Bob's doesn't.
    const threadReplies = await asOwner(claimsOf(owner), (tx) => listConversationReplies(tx, { id: inboxId }));
    expect(threadReplies.map((reply) => reply.body)).toEqual(["I speak Irish too: write to me!"]);
    const adaPast = await asVisitor((tx) =>
      findVisitorConversation(tx, { chatbotId: bot.id, visitorSecret: ada.secret }),
    );
    expect(adaPast?.replies.map((reply) => reply.body)).toEqual(["I speak Irish too: write to me!"]);
    expect(adaPast?.turns.map((turn) => turn.feedback)).toEqual(["up", "down"]);
    const bobPast = await asVisitor((tx) =>
      findVisitorConversation(tx, { chatbotId: bot.id, visitorSecret: bob.secret }),
    );
    expect(bobPast?.replies).toEqual([]);

    // The exports carry it with the turn it followed, and the feedback.
    const csv = await exportMessages(
      new Request(
        `${TEST_ORIGIN}/api/chatbots/${bot.id}/messages/export?format=csv&conversation_id=${adaConversation}`,
        {
          headers: owner.bearer,
        },
      ),
      { params: Promise.resolve({ id: bot.id }) },
    );
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/,feedback,feedback_comment,owner_replies$/);
    expect(lines[1]).toMatch(/,up,,$/);
    expect(lines[2]).toMatch(/,down,Didn't list her languages,I speak Irish too: write to me!$/);
    const json = await exportMessages(
      new Request(
        `${TEST_ORIGIN}/api/chatbots/${bot.id}/messages/export?format=json&conversation_id=${adaConversation}`,
        {
          headers: owner.bearer,
        },
      ),
      { params: Promise.resolve({ id: bot.id }) },
    );
    const exported = (await json.json()) as { owner_replies: string | null; feedback: string | null }[];
    expect(exported.map((row) => [row.feedback, row.owner_replies])).toEqual([
      ["up", null],
      ["down", "I speak Irish too: write to me!"],
    ]);
  });

  it("hands the visitor everything stored about them, as a JSON download, and nothing to anyone else", async () => {
    const response = await downloadData(dataRequest("GET", bot.id, { cookie: ada.cookie }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="conversation-/);
    // What the cookie unlocks is this browser's alone: no cache may keep it or hand it to another.
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("vary")).toMatch(/\bCookie\b/);
    const data = (await response.json()) as VisitorData;
    expect(data.visitor.name).toBe("Ada Visitor");
    expect(data.messages.map((message) => [message.id, message.feedback])).toEqual([
      [adaTurns[0], "up"],
      [adaTurns[1], "down"],
    ]);
    expect(data.owner_replies.map((reply) => reply.body)).toEqual(["I speak Irish too: write to me!"]);
    expect(JSON.stringify(data)).not.toContain("Tell me about her experience");

    const nothing = await downloadData(dataRequest("GET", bot.id, {}));
    expect(nothing.status).toBe(404);
    expect(nothing.headers.get("cache-control")).toBe("private, no-store");
    expect((await downloadData(dataRequest("GET", randomUUID(), { cookie: ada.cookie }))).status).toBe(404);
    const badQuery = await downloadData(
      new Request(`${TEST_ORIGIN}/api/chat/data?chatbot_id=nope`, { headers: { cookie: ada.cookie } }),
    );
    expect(badQuery.status).toBe(400);
  });

  it("erases the visitor from the bot at once, leaving other visitors, other bots and the rollups right", async () => {
    // Bob has a reply too: it must survive Ada's erasure.
    const [bobInbox] = await db().query<{ id: string }>(
      "select id from public.conversations where chatbot_id = $1 and conversation_id = $2",
      [bot.id, bobConversation],
    );
    expect((await callReply(owner.cookie, { conversation: bobInbox.id, body: "Hi Bob" })).status).toBe("success");
    expect((await sendFeedback(fromPage(bob), { message_id: bobTurn, rating: "up" })).status).toBe(200);
    const adaVisitorId = webVisitorId(ada.secret, bot.id);

    // From another site, the cookie alone erases nothing.
    const crossSite = await deleteData(
      dataRequest("DELETE", bot.id, { cookie: ada.cookie, origin: "https://evil.example" }),
    );
    expect(crossSite.status).toBe(403);
    expect(await db().query("select 1 from public.visitors where visitor_id = $1", [adaVisitorId])).toHaveLength(1);

    const response = await deleteData(dataRequest("DELETE", bot.id, fromPage(ada)));
    expect(response.status).toBe(204);

    // Gone, read with the server's own role past RLS.
    const count = async (sql: string, params: unknown[]) =>
      (await db().query<{ count: number }>(`select count(*)::int as count ${sql}`, params))[0].count;
    expect(await count("from public.visitors where chatbot_id = $1 and visitor_id = $2", [bot.id, adaVisitorId])).toBe(
      0,
    );
    expect(await count("from public.messages where id = any($1::uuid[])", [adaTurns])).toBe(0);
    expect(await count("from public.messages where conversation_id = $1", [adaConversation])).toBe(0);
    expect(await count("from public.owner_replies where conversation_id = $1", [adaConversation])).toBe(0);
    expect(await count("from public.conversations where conversation_id = $1", [adaConversation])).toBe(0);
    expect(
      await count("from public.chatbot_daily_questions where chatbot_id = $1 and question like '%skills%'", [bot.id]),
    ).toBe(0);
    expect(await count("from private.chatbot_day_visitors where chatbot_id = $1", [bot.id])).toBe(1);

    // Bob's rows, and Ada's at the other owner's bot, remain.
    expect(await count("from public.messages where id = $1 and feedback = 'up'", [bobTurn])).toBe(1);
    expect(await count("from public.owner_replies where conversation_id = $1", [bobConversation])).toBe(1);
    expect(await count("from public.conversations where conversation_id = $1", [bobConversation])).toBe(1);
    expect(
      await count("from public.visitors where chatbot_id = $1 and visitor_id = $2", [
        otherBot.id,
        webVisitorId(ada.secret, otherBot.id),
      ]),
    ).toBe(1);
    expect(await count("from public.messages where chatbot_id = $1", [otherBot.id])).toBe(1);

    // The day's counts are what the remaining messages make them (Bob's one turn, one thumbs up).
    const [stats] = await db().query<{ messages: number; visitors: number; answered: number; unread: number }>(
      "select sum(messages)::int as messages, sum(visitors)::int as visitors, sum(answered)::int as answered, sum(unread)::int as unread from public.chatbot_daily_stats where chatbot_id = $1",
      [bot.id],
    );
    expect(stats).toEqual({ messages: 1, visitors: 1, answered: 1, unread: 1 });
    const [thumbs] = await db().query<{ up: number; down: number }>(
      "select sum(thumbs_up)::int as up, sum(thumbs_down)::int as down from public.chatbot_daily_feedback where chatbot_id = $1",
      [bot.id],
    );
    expect(thumbs).toEqual({ up: 1, down: 0 });
    const [hours] = await db().query<{ total: number }>(
      "select sum(h)::int as total from public.chatbot_daily_stats d, unnest(d.hours) h where d.chatbot_id = $1",
      [bot.id],
    );
    expect(hours.total).toBe(1);

    // Nothing left to download, the page shows no conversation, and a second erasure is harmless.
    expect((await downloadData(dataRequest("GET", bot.id, { cookie: ada.cookie }))).status).toBe(404);
    expect(
      await asVisitor((tx) => findVisitorConversation(tx, { chatbotId: bot.id, visitorSecret: ada.secret })),
    ).toBeNull();
    expect((await deleteData(dataRequest("DELETE", bot.id, fromPage(ada)))).status).toBe(204);
    expect((await deleteData(dataRequest("DELETE", bot.id, {}))).status).toBe(204);
  });
});
