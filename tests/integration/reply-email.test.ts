import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { POST as leaveContact } from "@/app/api/chat/contact/route";
import { DELETE as deleteData, GET as downloadData } from "@/app/api/chat/data/route";
import { POST as giveFeedback } from "@/app/api/chat/feedback/route";
import { DELETE as revokeLinks } from "@/app/api/chat/links/route";
import { chatPageData } from "@/lib/chatbots/public-page";
import { REPLY_LINK_PARAM } from "@/lib/constants";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { replyAction } from "@/lib/inbox/actions";
import { runDueJobs } from "@/lib/jobs/run";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";
import { newVisitorCookieValue, VISITOR_COOKIE } from "@/lib/visitors/cookie";
import { webVisitorId } from "@/lib/visitors/identity";
import { replyLinkToken } from "@/lib/visitors/reply-link";
import { proxy } from "@/proxy";
import { callAction } from "../support/actions";
import { jsonRequest, type SignedUpOwner, setEnv, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";
import { linkIn, type ReceivedMail, type SmtpStub, startSmtpStub } from "../support/smtp-server";

// Issue 14: the owner's reply reaches a visitor who left an email, and the emailed link opens the
// conversation in a browser that never saw it; contacts in the daily digest, contacts and thumbs
// in the weekly summary. Through the real proxy, page loader, route handlers and actions.

function newBrowser() {
  const value = newVisitorCookieValue();
  return { secret: value.split(".")[0], cookie: `${VISITOR_COOKIE}=${value}` };
}
type Browser = ReturnType<typeof newBrowser>;

const fromPage = (cookie: string) => ({ cookie, origin: TEST_ORIGIN });
const bodyOf = (mail: ReceivedMail) => mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

async function callReply(cookie: string, input: Record<string, unknown>) {
  const request = new Request(`${TEST_ORIGIN}/dashboard/inbox`, {
    method: "POST",
    headers: { origin: TEST_ORIGIN, cookie },
  });
  const { result, thrown } = await runWithRequestForTests(request, () => replyAction(idleFormState, input));
  if (thrown) throw thrown;
  return result as FormState<{ id: string }>;
}

/**
 * A browser with no cookie at all opens a link: what proxy.ts sets (as the Cookie header the
 * browser sends next) and what the page then loads with it.
 */
async function openLink(link: string, slug: string) {
  const url = new URL(link);
  const target = `${TEST_ORIGIN}${url.pathname}${url.search}`;
  const response = await proxy(new NextRequest(target));
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const token = url.searchParams.get(REPLY_LINK_PARAM) ?? undefined;
  const { result, thrown } = await runWithRequestForTests(new Request(target, { headers: { cookie } }), () =>
    chatPageData(slug, { replyLink: token }),
  );
  if (thrown) throw thrown;
  if (!result) throw new Error("the page was not found");
  return { cookie, page: result };
}

describeEachDatabase("the owner's reply by email, and contacts and thumbs in the digests", (db) => {
  let smtp: SmtpStub;
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let bot: { id: string; slug: string };
  let otherBot: { id: string; slug: string };

  const chat = async (browser: Browser, chatbotId: string, message = "Where is she based?") => {
    const response = await postChat(
      { chatbot_id: chatbotId, visitor_id: webVisitorId(browser.secret, chatbotId), message },
      fromPage(browser.cookie),
    );
    expect(response.status).toBe(200);
    return (await response.json()) as { conversation_id: string; message_id: string };
  };
  const leave = async (browser: Browser, chatbotId: string, name: string, email?: string) => {
    const response = await leaveContact(
      jsonRequest("/api/chat/contact", { chatbot_id: chatbotId, name, email }, { headers: fromPage(browser.cookie) }),
    );
    expect(response.status).toBe(201);
  };
  const inboxId = async (chatbotId: string, conversationId: string) => {
    const [row] = await db().query<{ id: string }>(
      "select id from public.conversations where chatbot_id = $1 and conversation_id = $2",
      [chatbotId, conversationId],
    );
    return row.id;
  };
  /** The sealed secret the database keeps for this browser's visitor at the bot: what links hand out. */
  const keptSeal = async (browser: Browser) =>
    (
      await db().query<{ sealed: string }>(
        `select k.sealed from private.visitor_link_keys k join public.visitors v on v.id = k.visitor_row
          where v.chatbot_id = $1 and v.visitor_id = $2`,
        [bot.id, webVisitorId(browser.secret, bot.id)],
      )
    )[0]?.sealed;
  const replyJobs = () =>
    db().query<{ payload: Record<string, unknown> }>(
      "select payload from private.jobs where kind = 'notify.visitor_reply' order by created_at",
    );
  const mailsTo = (before: number, to: string) =>
    smtp.received.slice(before).filter((mail) => mail.to.includes(to.toLowerCase()));

  beforeAll(async () => {
    smtp = await startSmtpStub();
    owner = await signUpOwner();
    other = await signUpOwner();
    bot = await insertBotWithProfile(db(), { id: owner.userId });
    otherBot = await insertBotWithProfile(db(), { id: other.userId }, { profile: null });
  });
  afterAll(async () => {
    setEnv({ SMTP_URL: undefined });
    await smtp?.close();
  });
  beforeEach(async () => {
    setEnv({ SMTP_URL: smtp.url });
    await db().query("delete from private.jobs");
  });

  it("emails the reply to the visitor's address, and its link opens the conversation in a fresh browser", async () => {
    const ada = newBrowser();
    const email = `ada.${randomUUID().slice(0, 8)}@example.test`;
    const first = await chat(ada, bot.id);
    await leave(ada, bot.id, "Ada", email);
    const conversation = await inboxId(bot.id, first.conversation_id);

    // Another owner can neither reply here nor queue anything.
    expect((await callReply(other.cookie, { conversation, body: "Hijack" })).status).toBe("error");
    expect(await replyJobs()).toEqual([]);

    const reply = "Thanks Ada, I'm free on Thursday. Shall we talk then?";
    const replied = await callReply(owner.cookie, { conversation, body: reply });
    expect(replied.status).toBe("success");
    // Queued in the reply's transaction, carrying an id and none of the words.
    const queued = await replyJobs();
    expect(queued).toHaveLength(1);
    expect(Object.keys(queued[0].payload)).toEqual(["reply_id"]);

    const before = smtp.received.length;
    await runDueJobs();
    const mails = mailsTo(before, email);
    expect(mails).toHaveLength(1);
    // Only the visitor got it: the other owner, and this owner, get no copy.
    expect(mailsTo(before, other.email)).toEqual([]);
    const text = bodyOf(mails[0]);
    expect(text).toContain(reply);
    expect(text).toContain("30 days");
    const link = linkIn(mails[0], `/c/${bot.slug}`);
    expect(new URL(link).searchParams.get(REPLY_LINK_PARAM)).toMatch(/^[\w-]+\.[\w-]{43}$/);

    // A browser that never chatted here opens the link: it is Ada at this bot, and sees the reply.
    const fresh = await openLink(link, bot.slug);
    expect(fresh.page.notice).toBeNull();
    expect(fresh.page.chat.visitorId).toBe(webVisitorId(ada.secret, bot.id));
    expect(fresh.page.past?.conversation_id).toBe(first.conversation_id);
    expect(fresh.page.past?.replies.map((r) => r.body)).toEqual([reply]);
    // The secret itself never reaches the page's data, nor the cookie in the clear.
    expect(JSON.stringify(fresh.page)).not.toContain(ada.secret);
    expect(fresh.cookie).not.toContain(ada.secret);

    // ...and carries on the same conversation.
    const next = await postChat(
      {
        chatbot_id: bot.id,
        visitor_id: fresh.page.chat.visitorId,
        conversation_id: first.conversation_id,
        message: "Thursday works. What does she do?",
      },
      fromPage(fresh.cookie),
    );
    expect(next.status).toBe(200);
    expect(((await next.json()) as { conversation_id: string }).conversation_id).toBe(first.conversation_id);
    const data = await downloadData(
      new Request(`${TEST_ORIGIN}/api/chat/data?chatbot_id=${bot.id}`, { headers: fromPage(fresh.cookie) }),
    );
    expect(data.status).toBe(200);
    expect(((await data.json()) as { messages: unknown[] }).messages).toHaveLength(2);
    // Thumbs on Ada's answer here, naming the bot as the chat does; without it, this browser's own
    // cookie speaks, and it never chatted.
    const rate = (body: Record<string, unknown>) =>
      giveFeedback(jsonRequest("/api/chat/feedback", { rating: "up", ...body }, { headers: fromPage(fresh.cookie) }));
    expect((await rate({ chatbot_id: bot.id, message_id: first.message_id })).status).toBe(200);
    expect((await rate({ message_id: first.message_id })).status).toBe(404);
    // Ada's answer at another bot, from her own browser: the secret adopted for this bot rates none of it.
    const adaElsewhere = await chat(ada, otherBot.id);
    expect((await rate({ chatbot_id: bot.id, message_id: adaElsewhere.message_id })).status).toBe(404);
    expect((await rate({ chatbot_id: otherBot.id, message_id: adaElsewhere.message_id })).status).toBe(404);

    // The identity is handed over at this bot only: not at another bot, and not without the link's cookie.
    const elsewhere = await postChat(
      { chatbot_id: otherBot.id, visitor_id: webVisitorId(ada.secret, otherBot.id), message: "Hello" },
      fromPage(fresh.cookie),
    );
    expect(elsewhere.status).toBe(403);
    const mainOnly = fresh.cookie
      .split("; ")
      .filter((cookie) => cookie.startsWith(`${VISITOR_COOKIE}=`))
      .join("; ");
    const withoutLink = await postChat(
      { chatbot_id: bot.id, visitor_id: webVisitorId(ada.secret, bot.id), message: "Hello" },
      fromPage(mainOnly),
    );
    expect(withoutLink.status).toBe(403);
  });

  it("lets the visitor revoke their links, and lets no link outlive their erasure (issue 21, finding 2)", async () => {
    const cleo = newBrowser();
    await chat(cleo, bot.id, "Where is she based? My phone is 555-0100");
    await leave(cleo, bot.id, "Cleo", `cleo.${randomUUID().slice(0, 8)}@example.test`);
    const kept = () => keptSeal(cleo);
    const sealed = await kept();
    expect(sealed).toBeTruthy();
    // Leaving details again keeps the key: the links already mailed still work.
    await leave(cleo, bot.id, "Cleo", "cleo.again@example.test");
    expect(await kept()).toBe(sealed);
    const link = `${TEST_ORIGIN}/c/${bot.slug}?${REPLY_LINK_PARAM}=${replyLinkToken({
      chatbotId: bot.id,
      sealed: sealed ?? "",
      expiresAt: new Date(Date.now() + 60_000),
    })}`;
    const dataAs = (cookie: string) =>
      downloadData(new Request(`${TEST_ORIGIN}/api/chat/data?chatbot_id=${bot.id}`, { headers: fromPage(cookie) }));
    const revoke = (cookie: string) =>
      revokeLinks(
        new Request(`${TEST_ORIGIN}/api/chat/links?chatbot_id=${bot.id}`, {
          method: "DELETE",
          headers: fromPage(cookie),
        }),
      );

    // Revoked by the visitor: the browser that followed the link is nobody here any more.
    const phone = await openLink(link, bot.slug);
    expect((await dataAs(phone.cookie)).status).toBe(200);
    expect((await revoke(cleo.cookie)).status).toBe(204);
    expect((await dataAs(phone.cookie)).status).toBe(404);
    expect((await openLink(link, bot.slug)).page.past).toBeNull();
    expect((await dataAs(cleo.cookie)).status).toBe(200);

    // A new key, a new link; then Cleo erases her data and chats again from her own browser.
    await leave(cleo, bot.id, "Cleo", "cleo.third@example.test");
    const fresh = await kept();
    expect(fresh).not.toBe(sealed);
    const laptop = await openLink(
      `${TEST_ORIGIN}/c/${bot.slug}?${REPLY_LINK_PARAM}=${replyLinkToken({
        chatbotId: bot.id,
        sealed: fresh ?? "",
        expiresAt: new Date(Date.now() + 60_000),
      })}`,
      bot.slug,
    );
    expect((await dataAs(laptop.cookie)).status).toBe(200);
    const erased = await deleteData(
      new Request(`${TEST_ORIGIN}/api/chat/data?chatbot_id=${bot.id}`, {
        method: "DELETE",
        headers: fromPage(cleo.cookie),
      }),
    );
    expect(erased.status).toBe(204);
    await chat(cleo, bot.id, "New number: 555-0199");
    // Before: the adopted browser read, and could erase, what Cleo wrote after her erasure.
    expect((await dataAs(laptop.cookie)).status).toBe(404);
    const again = await openLink(
      `${TEST_ORIGIN}/c/${bot.slug}?${REPLY_LINK_PARAM}=${replyLinkToken({
        chatbotId: bot.id,
        sealed: fresh ?? "",
        expiresAt: new Date(Date.now() + 60_000),
      })}`,
      bot.slug,
    );
    expect(again.page.chat.visitorId).not.toBe(webVisitorId(cleo.secret, bot.id));
    expect(JSON.stringify(again.page)).not.toContain("555-0199");
  });

  it("turns away tampered, forged, foreign and expired links politely, adopting nothing", async () => {
    const bea = newBrowser();
    await chat(bea, bot.id);
    await leave(bea, bot.id, "Bea", `bea.${randomUUID().slice(0, 8)}@example.test`);
    const sealed = (await keptSeal(bea)) ?? "";
    const valid = replyLinkToken({ chatbotId: bot.id, sealed, expiresAt: new Date(Date.now() + 60_000) });
    const [payload, signature] = valid.split(".");
    const flipped = `${payload.slice(0, -2)}${payload.at(-2) === "A" ? "B" : "A"}${payload.at(-1)}`;
    const cases: Array<[string, string]> = [
      [`${flipped}.${signature}`, "invalid"],
      [`${payload}.${"A".repeat(43)}`, "invalid"],
      ["not-a-token", "invalid"],
      // Signed for another bot: the seal inside is bound to this one.
      [replyLinkToken({ chatbotId: otherBot.id, sealed, expiresAt: new Date(Date.now() + 60_000) }), "invalid"],
      [replyLinkToken({ chatbotId: bot.id, sealed, expiresAt: new Date(Date.now() - 1000) }), "expired"],
    ];
    for (const [token, notice] of cases) {
      const opened = await openLink(
        `${TEST_ORIGIN}/c/${bot.slug}?${REPLY_LINK_PARAM}=${encodeURIComponent(token)}`,
        bot.slug,
      );
      expect(opened.page.notice, token).toBe(notice);
      expect(opened.page.past, token).toBeNull();
      expect(opened.page.chat.visitorId).not.toBe(webVisitorId(bea.secret, bot.id));
      expect(opened.cookie.split("; ").filter((cookie) => !cookie.startsWith(`${VISITOR_COOKIE}=`))).toEqual([]);
    }
    // The same token, untouched, works: the cases above failed for what was changed.
    const opened = await openLink(`${TEST_ORIGIN}/c/${bot.slug}?${REPLY_LINK_PARAM}=${valid}`, bot.slug);
    expect(opened.page.notice).toBeNull();
    expect(opened.page.chat.visitorId).toBe(webVisitorId(bea.secret, bot.id));
  });

  it("sends nothing once the visitor erased their data, and the old link says so", async () => {
    const cleo = newBrowser();
    const email = `cleo.${randomUUID().slice(0, 8)}@example.test`;
    const turn = await chat(cleo, bot.id);
    await leave(cleo, bot.id, "Cleo", email);
    const conversation = await inboxId(bot.id, turn.conversation_id);
    expect((await callReply(owner.cookie, { conversation, body: "First answer" })).status).toBe("success");
    let before = smtp.received.length;
    await runDueJobs();
    const link = linkIn(mailsTo(before, email)[0], `/c/${bot.slug}`);

    expect((await callReply(owner.cookie, { conversation, body: "Second answer, never sent" })).status).toBe("success");
    expect(await replyJobs()).toHaveLength(1);
    const erased = await deleteData(
      new Request(`${TEST_ORIGIN}/api/chat/data?chatbot_id=${bot.id}`, {
        method: "DELETE",
        headers: fromPage(cleo.cookie),
      }),
    );
    expect(erased.status).toBe(204);
    expect(
      await db().query(
        "select 1 from private.visitor_link_keys k left join public.visitors v on v.id = k.visitor_row where v.id is null",
      ),
    ).toEqual([]);
    before = smtp.received.length;
    await runDueJobs();
    expect(mailsTo(before, email)).toEqual([]);
    expect(smtp.received.slice(before).some((mail) => bodyOf(mail).includes("Second answer"))).toBe(false);

    const opened = await openLink(link, bot.slug);
    expect(opened.page.notice).toBe("gone");
    expect(opened.page.past).toBeNull();
  });

  it("queues nothing for a visitor who left no email", async () => {
    const optional = await insertBotWithProfile(
      db(),
      { id: owner.userId },
      { configuration: { contact_form: "email_optional" }, profile: null },
    );
    const dan = newBrowser();
    const turn = await chat(dan, optional.id);
    await leave(dan, optional.id, "Dan");
    const conversation = await inboxId(optional.id, turn.conversation_id);
    expect((await callReply(owner.cookie, { conversation, body: "Hello Dan" })).status).toBe("success");
    expect(await replyJobs()).toEqual([]);
  });

  it("lists new contacts in the daily digest, and contacts and thumbs in the weekly summary", async () => {
    const digestOwner = await signUpOwner();
    const digestBot = await insertBotWithProfile(db(), { id: digestOwner.userId });
    const saved = await callAction(
      saveNotificationSettingsAction,
      { unanswered_questions: "daily", contacts: "daily", weekly_summary: "on", timezone: "UTC" },
      digestOwner.cookie,
    );
    expect(saved.state?.status).toBe("success");
    // Either choice set to daily schedules the digest.
    const [scheduled] = await db().query<{ due: boolean }>(
      "select next_daily_at is not null as due from public.notification_settings where user_id = $1",
      [digestOwner.userId],
    );
    expect(scheduled.due).toBe(true);

    const eve = newBrowser();
    const fay = newBrowser();
    const eveTurn = await chat(eve, digestBot.id);
    const fayTurn = await chat(fay, digestBot.id);
    const question = `Does she keep bees on a ${randomUUID().slice(0, 4)} farm?`;
    await chat(fay, digestBot.id, question);
    await leave(eve, digestBot.id, "Eve Digest", "eve.digest@example.test");
    await leave(fay, digestBot.id, "Fay Digest", "fay.digest@example.test");
    const rate = (browser: Browser, messageId: string, rating: "up" | "down") =>
      giveFeedback(
        jsonRequest("/api/chat/feedback", { message_id: messageId, rating }, { headers: fromPage(browser.cookie) }),
      );
    expect((await rate(eve, eveTurn.message_id, "up")).status).toBe(200);
    expect((await rate(fay, fayTurn.message_id, "down")).status).toBe(200);

    // Daily: nothing right away (the contact and question emails wait), then one digest with both.
    let before = smtp.received.length;
    await runDueJobs();
    expect(mailsTo(before, digestOwner.email)).toEqual([]);
    await db().query(
      "update public.notification_settings set next_daily_at = now() - interval '1 second' where user_id = $1",
      [digestOwner.userId],
    );
    before = smtp.received.length;
    await runDueJobs();
    const daily = mailsTo(before, digestOwner.email);
    expect(daily).toHaveLength(1);
    const dailyText = bodyOf(daily[0]);
    expect(dailyText).toContain("2 new contacts");
    expect(dailyText).toContain("Eve Digest <eve.digest@example.test>");
    expect(dailyText).toContain("Fay Digest <fay.digest@example.test>");
    expect(dailyText).toContain(question);
    expect(dailyText).toContain("/dashboard/contacts");
    // Nobody else's digest mentions them.
    expect(smtp.received.slice(before).filter((mail) => bodyOf(mail).includes("Eve Digest"))).toHaveLength(1);

    // Weekly: the week's counts, from real mail.
    await db().query(
      "update public.notification_settings set next_weekly_at = now() - interval '1 second' where user_id = $1",
      [digestOwner.userId],
    );
    before = smtp.received.length;
    await runDueJobs();
    const weekly = mailsTo(before, digestOwner.email);
    expect(weekly).toHaveLength(1);
    const weeklyText = bodyOf(weekly[0]);
    expect(weeklyText).toContain("3 messages from 2 visitors");
    expect(weeklyText).toContain("Contacts: 2 visitors left their details.");
    expect(weeklyText).toContain("1 thumbs up, 1 thumbs down");
    expect(weeklyText).toContain(question);

    // Contacts set back to immediately leave the digest to questions alone.
    await callAction(
      saveNotificationSettingsAction,
      { unanswered_questions: "off", contacts: "immediately", weekly_summary: "on", timezone: "UTC" },
      digestOwner.cookie,
    );
    const [unscheduled] = await db().query<{ due: boolean }>(
      "select next_daily_at is not null as due from public.notification_settings where user_id = $1",
      [digestOwner.userId],
    );
    expect(unscheduled.due).toBe(false);
  });
});
