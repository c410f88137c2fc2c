import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { POST as runJobs, GET as runJobsByGet } from "@/app/api/jobs/run/route";
import { asOwner, asServiceStatement } from "@/lib/db";
import { claimDueJobs } from "@/lib/db/queries/jobs";
import { readNotificationSettings } from "@/lib/db/queries/notifications";
import { runDueJobs } from "@/lib/jobs/run";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";
import { callAction } from "../support/actions";
import { type SignedUpOwner, setEnv, signUpOwner } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";
import { type SmtpStub, startSmtpStub } from "../support/smtp-server";

interface JobState {
  kind: string;
  attempts: number;
  last_error: string | null;
  failed_at: Date | null;
  due_in_seconds: number;
}

describeEachDatabase("the job queue and the unanswered-question email", (db) => {
  let smtp: SmtpStub;
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let bot: { id: string; slug: string };

  const jobs = () =>
    db().query<JobState>(
      `select kind, attempts, last_error, failed_at,
              extract(epoch from run_at - now())::integer as due_in_seconds
         from private.jobs order by created_at`,
    );
  /** A question the offline model can't answer from the profile: the turn is recorded unanswered. */
  const askUnanswerable = async (question = `Does she keep bees on a ${randomUUID().slice(0, 4)} farm?`) => {
    const response = await postChat({ chatbot_id: bot.id, visitor_id: `jobs-${randomUUID()}`, message: question });
    expect(response.status).toBe(200);
    return question;
  };

  beforeAll(async () => {
    smtp = await startSmtpStub();
    owner = await signUpOwner();
    other = await signUpOwner();
    bot = await insertBotWithProfile(db(), { id: owner.userId });
  });
  afterAll(async () => {
    setEnv({ SMTP_URL: undefined, CRON_SECRET: undefined });
    await smtp?.close();
  });
  /** The one message to `to` received after the first `before`, quoted-printable soft breaks undone. */
  const mailSince = (before: number, to: string) => {
    const mails = smtp.received.slice(before).filter((mail) => mail.to.includes(to.toLowerCase()));
    expect(mails).toHaveLength(1);
    return mails[0].raw.replace(/=\r?\n/g, "");
  };

  /** The settings form as the browser posts it (the weekly summary's checkbox ticked). */
  const settings = (overrides: Record<string, string> = {}) => ({
    unanswered_questions: "immediately",
    contacts: "immediately",
    weekly_summary: "on",
    timezone: "UTC",
    ...overrides,
  });

  beforeEach(async () => {
    setEnv({ SMTP_URL: smtp.url, CRON_SECRET: undefined });
    await db().query("delete from private.jobs");
  });

  it("queues an email when a turn goes unanswered, sends it from the queue, and leaves nothing behind", async () => {
    const question = await askUnanswerable();
    expect(await jobs()).toEqual([expect.objectContaining({ kind: "notify.unanswered_question", attempts: 0 })]);
    // An answered turn and a greeting queue nothing.
    await postChat({ chatbot_id: bot.id, visitor_id: `jobs-${randomUUID()}`, message: "Where is she based?" });
    expect(await jobs()).toHaveLength(1);

    expect(await runDueJobs()).toEqual({ claimed: 1, done: 1, failed: 0 });
    const mail = await smtp.waitFor(owner.email);
    const body = mail.raw.replace(/=\r?\n/g, "");
    expect(body).toContain("couldn't answer a question");
    expect(body).toContain(question);
    expect(body).toContain("/dashboard/questions");
    expect(await jobs()).toEqual([]);
    expect(await runDueJobs()).toEqual({ claimed: 0, done: 0, failed: 0 });
  });

  it("sends nothing to an owner who turned these emails off, and that choice is theirs alone", async () => {
    const saved = await callAction(
      saveNotificationSettingsAction,
      settings({ unanswered_questions: "off" }),
      owner.cookie,
    );
    expect(saved.state?.status).toBe("success");
    const refused = await callAction(
      saveNotificationSettingsAction,
      settings({ unanswered_questions: "weekly", timezone: "Mars/Olympus_Mons" }),
      owner.cookie,
    );
    expect(refused.state).toMatchObject({
      status: "error",
      fieldErrors: { unanswered_questions: expect.any(String), timezone: expect.any(String) },
    });
    const settingsOf = (who: SignedUpOwner) =>
      asOwner({ sub: who.userId, role: "authenticated" }, (tx) => readNotificationSettings(tx, { userId: who.userId }));
    expect(await settingsOf(owner)).toEqual({
      unanswered_questions: "off",
      contacts: "immediately",
      weekly_summary: true,
      timezone: "UTC",
    });
    // Made at sign-up, with the defaults.
    expect(await settingsOf(other)).toEqual({
      unanswered_questions: "immediately",
      contacts: "immediately",
      weekly_summary: true,
      timezone: null,
    });
    // Another owner's claims see no row of this owner's settings, even asking by id.
    const seen = await asOwner({ sub: other.userId, role: "authenticated" }, (tx) =>
      tx.query("select 1 from public.notification_settings where user_id = $1", [owner.userId]),
    );
    expect(seen).toEqual([]);

    const before = smtp.received.length;
    await askUnanswerable();
    expect(await runDueJobs()).toEqual({ claimed: 1, done: 1, failed: 0 });
    expect(smtp.received.length).toBe(before);
    await callAction(saveNotificationSettingsAction, settings(), owner.cookie);
  });

  it("gathers the day's unanswered questions into one email at 8:00 in the owner's time zone", async () => {
    const saved = await callAction(
      saveNotificationSettingsAction,
      settings({ unanswered_questions: "daily", timezone: "Asia/Kolkata" }),
      owner.cookie,
    );
    expect(saved.state?.status).toBe("success");
    const [scheduled] = await db().query<{ local: string; hours_away: number }>(
      `select to_char(next_daily_at at time zone 'Asia/Kolkata', 'HH24:MI') as local,
              extract(epoch from next_daily_at - now())::float8 / 3600 as hours_away
         from public.notification_settings where user_id = $1`,
      [owner.userId],
    );
    expect(scheduled.local).toBe("08:00");
    expect(scheduled.hours_away).toBeGreaterThan(0);
    expect(scheduled.hours_away).toBeLessThanOrEqual(24);

    const before = smtp.received.length;
    const first = await askUnanswerable();
    const second = await askUnanswerable();
    // The immediate email is not wanted: its job ends without sending.
    expect(await runDueJobs()).toEqual({ claimed: 2, done: 2, failed: 0 });
    expect(smtp.received.length).toBe(before);

    // 8:00 comes: the next run queues the digest and sends it, once.
    await db().query(
      "update public.notification_settings set next_daily_at = now() - interval '1 second' where user_id = $1",
      [owner.userId],
    );
    expect(await runDueJobs()).toMatchObject({ claimed: 1, done: 1 });
    const body = mailSince(before, owner.email);
    // Since the last digest, or the past day for the first: earlier tests' questions count too.
    expect(body).toMatch(/\d+ questions your bots couldn't answer/);
    expect(body).toContain(first);
    expect(body).toContain(second);
    expect(await runDueJobs()).toEqual({ claimed: 0, done: 0, failed: 0 });
    const [next] = await db().query<{ hours_away: number }>(
      "select extract(epoch from next_daily_at - now())::float8 / 3600 as hours_away from public.notification_settings where user_id = $1",
      [owner.userId],
    );
    expect(next.hours_away).toBeGreaterThan(0);
    await callAction(saveNotificationSettingsAction, settings(), owner.cookie);
  });

  it("sends the weekly summary on Monday at 8:00, from the rollups", async () => {
    await callAction(saveNotificationSettingsAction, settings({ timezone: "America/Los_Angeles" }), owner.cookie);
    const [scheduled] = await db().query<{ day: number; local: string }>(
      `select extract(isodow from next_weekly_at at time zone 'America/Los_Angeles')::integer as day,
              to_char(next_weekly_at at time zone 'America/Los_Angeles', 'HH24:MI') as local
         from public.notification_settings where user_id = $1`,
      [owner.userId],
    );
    expect(scheduled).toEqual({ day: 1, local: "08:00" });
    await postChat({ chatbot_id: bot.id, visitor_id: `jobs-${randomUUID()}`, message: "Where is she based?" });
    await db().query(
      "update public.notification_settings set next_weekly_at = now() - interval '1 second' where user_id = $1",
      [owner.userId],
    );
    const before = smtp.received.length;
    await runDueJobs();
    const body = mailSince(before, owner.email);
    expect(body).toMatch(/Your bots' week: \d+ messages?/);
    // The rollup's normalised form of the question, with how often it was asked.
    expect(body).toMatch(/where is she based \(asked \d+ times?\)/);
  });

  it("keeps a job whose send fails, retries it with a growing delay, and gives up after its last attempt", async () => {
    // Nothing listens here: the SMTP connection is refused.
    setEnv({ SMTP_URL: "smtp://127.0.0.1:9" });
    await askUnanswerable();
    expect(await runDueJobs()).toEqual({ claimed: 1, done: 0, failed: 1 });
    const [first] = await jobs();
    expect(first.attempts).toBe(1);
    expect(first.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(first.due_in_seconds).toBeGreaterThan(20);
    expect(first.due_in_seconds).toBeLessThanOrEqual(30);
    // Not due yet: nobody takes it.
    expect(await runDueJobs()).toEqual({ claimed: 0, done: 0, failed: 0 });

    await db().query("update private.jobs set run_at = now(), max_attempts = 2");
    expect(await runDueJobs()).toEqual({ claimed: 1, done: 0, failed: 1 });
    const [last] = await jobs();
    expect(last.attempts).toBe(2);
    expect(last.failed_at).toBeInstanceOf(Date);
    await db().query("update private.jobs set run_at = now()");
    expect(await runDueJobs()).toEqual({ claimed: 0, done: 0, failed: 0 });
  });

  it("lets a job be claimed by one worker only, and again once a dead worker's claim runs out", async () => {
    await db().query(
      "insert into private.jobs (kind, payload) select 'notify.unanswered_question', jsonb_build_object('message_id', gen_random_uuid()) from generate_series(1, 6)",
    );
    const claim = () => asServiceStatement((service) => claimDueJobs(service, { limit: 4, lockSeconds: 60 }));
    // Two servers asking at once (truly concurrent on PostgreSQL: SKIP LOCKED) get different jobs.
    const [a, b] = await Promise.all([claim(), claim()]);
    const ids = [...a, ...b].map((job) => job.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(await claim()).toEqual([]);
    await db().query("update private.jobs set locked_until = now() - interval '1 second'");
    expect(await claim()).toHaveLength(4);
  });

  it("runs the queue for an external scheduler that holds CRON_SECRET, and for no one else", async () => {
    const call = (handler: (request: Request) => Promise<Response>, authorization?: string) =>
      handler(
        new Request("http://localhost/api/jobs/run", {
          method: handler === runJobs ? "POST" : "GET",
          headers: authorization ? { authorization } : {},
        }),
      );
    expect((await call(runJobs, "Bearer anything-at-all-here")).status).toBe(404);

    setEnv({ CRON_SECRET: "a-scheduler-secret-0123456789" });
    await askUnanswerable();
    expect((await call(runJobs)).status).toBe(401);
    expect((await call(runJobs, "Bearer a-scheduler-secret-012345678X")).status).toBe(401);
    expect((await call(runJobs, `Bearer ${owner.accessToken}`)).status).toBe(401);
    const ran = await call(runJobsByGet, "Bearer a-scheduler-secret-0123456789");
    expect(ran.status).toBe(200);
    expect(await ran.json()).toEqual({ claimed: 1, done: 1, failed: 0 });
    expect(await jobs()).toEqual([]);
  });
});
