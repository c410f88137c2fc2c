import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { POST as leaveContact } from "@/app/api/chat/contact/route";
import { DELETE as deleteData } from "@/app/api/chat/data/route";
import { GET as listContacts } from "@/app/api/contacts/route";
import { CONTACTS_PER_NETWORK } from "@/lib/contacts/schemas";
import { runDueJobs } from "@/lib/jobs/run";
import { CONTACT_EMAIL_PAUSE_MINUTES } from "@/lib/limits";
import { newVisitorCookieValue, VISITOR_COOKIE } from "@/lib/visitors/cookie";
import { webVisitorId } from "@/lib/visitors/identity";
import {
  awayFromAuthWindowBoundary,
  jsonRequest,
  type SignedUpOwner,
  setEnv,
  signUpOwner,
  TEST_ORIGIN,
} from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";
import { type ReceivedMail, type SmtpStub, startSmtpStub } from "../support/smtp-server";

function newBrowser() {
  const value = newVisitorCookieValue();
  return { secret: value.split(".")[0], cookie: `${VISITOR_COOKIE}=${value}` };
}
type Browser = ReturnType<typeof newBrowser>;

const subjectOf = (mail: ReceivedMail) => /^Subject: (.*)$/m.exec(mail.raw)?.[1];

describeEachDatabase("contact details visitors leave for the owner", (db) => {
  let smtp: SmtpStub;
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let bot: { id: string; slug: string };
  let optionalBot: { id: string; slug: string };

  const chat = (browser: Browser, chatbotId: string) =>
    postChat(
      { chatbot_id: chatbotId, visitor_id: webVisitorId(browser.secret, chatbotId), message: "Where is she based?" },
      { cookie: browser.cookie, origin: TEST_ORIGIN },
    );
  const leave = (browser: Browser | null, body: Record<string, unknown>, origin = TEST_ORIGIN) =>
    leaveContact(
      jsonRequest("/api/chat/contact", body, { headers: browser ? { cookie: browser.cookie, origin } : { origin } }),
    );
  const contactsOf = async (who: SignedUpOwner, query = "") => {
    const response = await listContacts(new Request(`${TEST_ORIGIN}/api/contacts${query}`, { headers: who.bearer }));
    return response;
  };

  beforeAll(async () => {
    smtp = await startSmtpStub();
    owner = await signUpOwner();
    other = await signUpOwner();
    bot = await insertBotWithProfile(db(), { id: owner.userId });
    optionalBot = await insertBotWithProfile(
      db(),
      { id: owner.userId },
      { configuration: { contact_form: "email_optional" }, profile: null },
    );
  });
  afterAll(async () => {
    setEnv({ SMTP_URL: undefined });
    await smtp?.close();
  });
  beforeEach(() => setEnv({ SMTP_URL: smtp.url }));

  it("takes a visitor's details, lists them for the owner only, emails the owner, and exports them", async () => {
    const ada = newBrowser();
    expect((await chat(ada, bot.id)).status).toBe(200);
    const created = await leave(ada, {
      chatbot_id: bot.id,
      name: "Ada Visitor",
      email: "ada.visitor@example.test",
      message: "=Let's talk about a role",
    });
    expect(created.status).toBe(201);

    const listed = await contactsOf(owner);
    expect(listed.status).toBe(200);
    const { items } = (await listed.json()) as { items: Array<Record<string, unknown>> };
    expect(items).toEqual([
      expect.objectContaining({
        name: "Ada Visitor",
        email: "ada.visitor@example.test",
        message: "=Let's talk about a role",
        chatbot_id: bot.id,
        inbox_id: expect.any(String),
        conversation_id: expect.any(String),
      }),
    ]);
    expect(((await (await contactsOf(other)).json()) as { items: unknown[] }).items).toEqual([]);
    expect((await listContacts(new Request(`${TEST_ORIGIN}/api/contacts`))).status).toBe(401);

    const csv = await (await contactsOf(owner, "?format=csv")).text();
    expect(csv.split("\r\n")[0]).toBe("created_at,name,email,message,chatbot_name,conversation_id");
    // A formula-looking cell is defused for spreadsheets.
    expect(csv).toContain("'=Let's talk about a role");

    const before = smtp.received.length;
    await runDueJobs();
    const mails = smtp.received.slice(before).filter((mail) => mail.to.includes(owner.email.toLowerCase()));
    expect(mails).toHaveLength(1);
    const body = mails[0].raw.replace(/=\r?\n/g, "");
    expect(body).toContain("Ada Visitor left their details");
    expect(body).toContain("ada.visitor@example.test");
    expect(body).toContain("/dashboard/contacts");
  });

  it("keeps a visitor's name to one line in the owner's email, so it can't write lines of its own", async () => {
    // An owner of its own, whose first contact is mailed at once (the first test's owner is in a pause).
    const eveBot = await insertBotWithProfile(db(), { id: (await signUpOwner()).userId });
    const eve = newBrowser();
    expect((await chat(eve, eveBot.id)).status).toBe(200);
    const name = "Eve\r\n\r\nURGENT: your Chatfolio account is suspended.\u2028Sign in again at https://evil.example";
    const created = await leave(eve, {
      chatbot_id: eveBot.id,
      name,
      email: "eve@example.test",
      message: "Hi\n\nPS: ok",
    });
    expect(created.status).toBe(201);
    const before = smtp.received.length;
    await runDueJobs();
    const mail = smtp.received.slice(before).find((each) => each.raw.includes("eve@example.test"));
    const lines = (mail?.raw ?? "").replace(/=\r?\n/g, "").split(/\r?\n/);
    // Before: "URGENT: ..." and "Sign in again ..." stood as lines of their own under the greeting.
    expect(lines.filter((line) => /^\s*(URGENT|Sign in again|PS:)/.test(line))).toEqual([]);
    expect(
      lines.some((line) => line.startsWith("Eve URGENT: your Chatfolio account is suspended. Sign in again")),
    ).toBe(true);
  });

  it("mails the first contact at once and the ones that follow within the pause together, in one email", async () => {
    const busy = await signUpOwner();
    const busyBot = await insertBotWithProfile(db(), { id: busy.userId });
    const mailsTo = (from: number) =>
      smtp.received.slice(from).filter((mail) => mail.to.includes(busy.email.toLowerCase()));
    const leaveAs = async (name: string, address: string) => {
      const browser = newBrowser();
      expect((await chat(browser, busyBot.id)).status).toBe(200);
      const created = await leaveContact(
        jsonRequest(
          "/api/chat/contact",
          { chatbot_id: busyBot.id, name, email: `${name.toLowerCase()}@example.test` },
          { headers: { cookie: browser.cookie, origin: TEST_ORIGIN, "x-forwarded-for": address } },
        ),
      );
      expect(created.status).toBe(201);
    };

    let before = smtp.received.length;
    await leaveAs("First", "192.0.2.11");
    await runDueJobs();
    expect(mailsTo(before).map(subjectOf)).toEqual(["First left their details with Ask Ada"]);

    // A burst from three networks: before, three more emails at once.
    before = smtp.received.length;
    for (const [index, name] of ["Second", "Third", "Fourth"].entries()) await leaveAs(name, `192.0.2.${21 + index}`);
    await runDueJobs();
    expect(mailsTo(before)).toEqual([]);
    const queued = await db().query<{ run_at: Date; sent: Date }>(
      `select j.run_at, s.last_sent_at as sent
         from private.jobs j, private.contact_email_state s
        where j.kind = 'notify.contact_group' and j.payload ->> 'user_id' = $1::text and s.user_id = $1::uuid`,
      [busy.userId],
    );
    // One email queued for them, when the pause after the first is over.
    expect(queued).toHaveLength(1);
    expect(queued[0].run_at.getTime() - queued[0].sent.getTime()).toBe(CONTACT_EMAIL_PAUSE_MINUTES * 60_000);

    // The pause is over.
    await db().query(
      "update private.contact_email_state set last_sent_at = last_sent_at - make_interval(mins => $2) where user_id = $1",
      [busy.userId, CONTACT_EMAIL_PAUSE_MINUTES],
    );
    await db().query(
      "update private.jobs set run_at = now() where kind = 'notify.contact_group' and payload ->> 'user_id' = $1",
      [busy.userId],
    );
    await runDueJobs();
    const grouped = mailsTo(before);
    expect(grouped.map(subjectOf)).toEqual(["3 visitors left their details"]);
    const body = grouped[0].raw.replace(/=\r?\n/g, "");
    for (const name of ["Second", "Third", "Fourth"]) expect(body).toContain(`${name.toLowerCase()}@example.test`);
    expect(body).not.toContain("first@example.test");

    // Each was told once.
    before = smtp.received.length;
    await runDueJobs();
    expect(mailsTo(before)).toEqual([]);
  }, 60_000);

  it("refuses what it must: no chat yet, no cookie, another site, a missing or bad email, too many", async () => {
    const bea = newBrowser();
    const details = { chatbot_id: bot.id, name: "Bea", email: "bea@example.test" };
    // Never chatted with this bot: nothing to attach the details to.
    expect((await leave(bea, details)).status).toBe(404);
    expect((await leave(null, details)).status).toBe(404);
    expect((await chat(bea, bot.id)).status).toBe(200);
    expect((await leave(bea, details, "https://evil.example")).status).toBe(403);
    const noEmail = await leave(bea, { chatbot_id: bot.id, name: "Bea" });
    expect(noEmail.status).toBe(400);
    expect(await noEmail.json()).toMatchObject({ error: { details: [{ path: "email" }] } });
    expect((await leave(bea, { ...details, email: "not-an-email" })).status).toBe(400);
    for (let time = 0; time < 5; time++) expect((await leave(bea, details)).status).toBe(201);
    expect((await leave(bea, details)).status).toBe(429);

    // A bot that makes the email optional takes details without one.
    expect((await chat(bea, optionalBot.id)).status).toBe(200);
    expect((await leave(bea, { chatbot_id: optionalBot.id, name: "Bea" })).status).toBe(201);
  });

  it("holds one network to a few contacts at a bot, however many cookies it brings", async () => {
    await awayFromAuthWindowBoundary();
    const network = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const leaveFrom = (browser: Browser, address: string) =>
      leaveContact(
        jsonRequest(
          "/api/chat/contact",
          { chatbot_id: bot.id, name: "Flood", email: "flood@example.test" },
          { headers: { cookie: browser.cookie, origin: TEST_ORIGIN, "x-forwarded-for": address } },
        ),
      );
    // Before: each fresh cookie had five a day of its own (three cookies sent 15 in 0.3 s).
    for (let i = 0; i < CONTACTS_PER_NETWORK; i++) {
      const fresh = newBrowser();
      expect((await chat(fresh, bot.id)).status).toBe(200);
      expect((await leaveFrom(fresh, network)).status).toBe(201);
    }
    const another = newBrowser();
    expect((await chat(another, bot.id)).status).toBe(200);
    const refused = await leaveFrom(another, network);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await leaveFrom(another, "192.0.2.200")).status).toBe(201);
  }, 60_000);

  it("is erased with the visitor's data", async () => {
    const cleo = newBrowser();
    expect((await chat(cleo, bot.id)).status).toBe(200);
    expect((await leave(cleo, { chatbot_id: bot.id, name: "Cleo", email: "cleo@example.test" })).status).toBe(201);
    const erased = await deleteData(
      new Request(`${TEST_ORIGIN}/api/chat/data?chatbot_id=${bot.id}`, {
        method: "DELETE",
        headers: { cookie: cleo.cookie, origin: TEST_ORIGIN },
      }),
    );
    expect(erased.status).toBe(204);
    const left = await db().query("select 1 from public.contacts where name = 'Cleo'");
    expect(left).toEqual([]);
    // A job queued for it finds nothing and sends nothing.
    const before = smtp.received.length;
    await runDueJobs();
    expect(smtp.received.slice(before).some((mail) => mail.raw.includes("Cleo left"))).toBe(false);
  });

  it("stores nothing a visitor sends when the owner turned the form off", async () => {
    const off = await insertBotWithProfile(db(), { id: owner.userId }, { configuration: { contact_form: "off" } });
    const dan = newBrowser();
    expect((await chat(dan, off.id)).status).toBe(200);
    expect(
      (await leave(dan, { chatbot_id: off.id, name: `Dan ${randomUUID()}`, email: "dan@example.test" })).status,
    ).toBe(404);
  });
});
