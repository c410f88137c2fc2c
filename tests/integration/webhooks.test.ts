import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listDeliveries } from "@/app/api/webhooks/[id]/deliveries/route";
import { DELETE as deleteWebhook } from "@/app/api/webhooks/[id]/route";
import { POST as testWebhook } from "@/app/api/webhooks/[id]/test/route";
import { POST as createWebhook, GET as listWebhooks } from "@/app/api/webhooks/route";
import { asOwner, asServiceStatement } from "@/lib/db";
import { recordWebhookDelivery } from "@/lib/db/queries/webhooks";
import { sqlState } from "@/lib/errors";
import { runDueJobs } from "@/lib/jobs/run";
import { createWebhookAction, deleteWebhookAction, testWebhookAction } from "@/lib/webhooks/actions";
import {
  type CreatedWebhook,
  WEBHOOK_RESPONSE_EXCERPT_CHARS,
  WEBHOOK_TESTS_PER_WINDOW,
  type WebhookDelivery,
  type WebhookTestResult,
} from "@/lib/webhooks/schemas";
import { callAction } from "../support/actions";
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

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local receiver: answers `state.status` with `state.answer`, and keeps what it was sent. */
async function startReceiver() {
  const received: Received[] = [];
  const state = { status: 200, answer: "thanks" };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(state.status, { "content-type": "text/plain" }).end(state.answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/chatfolio`,
    port,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The Standard Webhooks check written out independently of the package the server signs with: the
 * HMAC-SHA256 of "id.timestamp.body" keyed with the base64-decoded secret, in one of the
 * space-separated `v1,` signatures, and a timestamp within five minutes.
 */
function verifiedBySpec(secret: string, { headers, body }: Received): boolean {
  const id = String(headers["webhook-id"]);
  const timestamp = String(headers["webhook-timestamp"]);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers["webhook-signature"])
    .split(" ")
    .some((entry) => {
      const [version, signature] = entry.split(",");
      const given = Buffer.from(signature ?? "", "base64");
      return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

const segment = (id: string) => ({ params: Promise.resolve({ id }) });

describe("the test's own verifier", () => {
  it("agrees with the package on a signature and refuses a changed body", () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    const now = new Date();
    const body = '{"type":"x"}';
    const headers = {
      "webhook-id": "msg_1",
      "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign("msg_1", now, body),
    };
    expect(verifiedBySpec(secret, { headers, body })).toBe(true);
    expect(verifiedBySpec(secret, { headers, body: '{"type":"y"}' })).toBe(false);
  });
});

describeEachDatabase("webhooks", (db) => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let bot: { id: string; slug: string };

  const create = async (who: SignedUpOwner, body: Record<string, unknown>) =>
    createWebhook(jsonRequest("/api/webhooks", body, { headers: who.bearer }));
  const register = async (events: string[], url = receiver.url) => {
    const response = await create(owner, { url, events, description: "CRM" });
    expect(response.status).toBe(201);
    return (await response.json()) as CreatedWebhook;
  };
  const deliveriesOf = async (who: SignedUpOwner, id: string) =>
    listDeliveries(new Request(`${TEST_ORIGIN}/api/webhooks/${id}/deliveries`, { headers: who.bearer }), segment(id));
  const logOf = async (id: string) =>
    ((await (await deliveriesOf(owner, id)).json()) as { deliveries: WebhookDelivery[] }).deliveries;
  const jobs = () =>
    db().query<{ kind: string; payload: Record<string, unknown>; attempts: number; due_in_seconds: number }>(
      `select kind, payload, attempts, extract(epoch from run_at - now())::integer as due_in_seconds
         from private.jobs order by created_at`,
    );
  const chat = (message: string) => postChat({ chatbot_id: bot.id, visitor_id: `hooks-${randomUUID()}`, message });

  beforeAll(async () => {
    receiver = await startReceiver();
    owner = await signUpOwner();
    other = await signUpOwner();
    bot = await insertBotWithProfile(db(), { id: owner.userId });
  });
  afterAll(async () => {
    setEnv({ ALLOW_PRIVATE_NETWORK_FETCH: undefined });
    await receiver?.close();
  });
  beforeEach(async () => {
    // The receiver is on loopback, which only this setting lets the server reach.
    setEnv({ ALLOW_PRIVATE_NETWORK_FETCH: "1" });
    receiver.state.status = 200;
    receiver.state.answer = "thanks";
    receiver.received.length = 0;
    await db().query("delete from private.jobs");
    await db().query("delete from public.webhook_endpoints");
  });

  it("shows the secret once, then delivers each answered turn signed as Standard Webhooks says", async () => {
    const created = await register(["message.created", "question.unanswered"]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.secret.slice("whsec_".length), "base64")).toHaveLength(32);
    const listed = await listWebhooks(new Request(`${TEST_ORIGIN}/api/webhooks`, { headers: owner.bearer }));
    const listedText = await listed.text();
    expect(JSON.parse(listedText)).toEqual({
      webhooks: [
        {
          id: created.id,
          url: receiver.url,
          events: ["message.created", "question.unanswered"],
          description: "CRM",
          created_at: created.created_at,
        },
      ],
    });
    expect(listedText).not.toContain(created.secret.slice(6));

    // A real turn through the chat route; the database queues the delivery as it records the answer.
    const turn = await chat("Where is she based?");
    expect(turn.status).toBe(200);
    const answered = (await turn.json()) as { message_id: string; conversation_id: string; response: string };
    const queued = await jobs();
    expect(queued).toEqual([expect.objectContaining({ kind: "webhook.deliver", attempts: 0 })]);
    // The job holds ids, never the visitor's words.
    expect(JSON.stringify(queued[0].payload)).not.toContain("based");

    expect(await runDueJobs()).toEqual({ claimed: 1, done: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery.headers["content-type"]).toBe("application/json");
    // The package's own verification, and the spec's, written out independently.
    const verified = new Webhook(created.secret).verify(delivery.body, {
      "webhook-id": String(delivery.headers["webhook-id"]),
      "webhook-timestamp": String(delivery.headers["webhook-timestamp"]),
      "webhook-signature": String(delivery.headers["webhook-signature"]),
    });
    expect(verifiedBySpec(created.secret, delivery)).toBe(true);
    expect(verifiedBySpec(`whsec_${Buffer.alloc(32).toString("base64")}`, delivery)).toBe(false);
    expect(verified).toEqual({
      type: "message.created",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        message_id: answered.message_id,
        chatbot_id: bot.id,
        chatbot_name: "Ask Ada",
        conversation_id: answered.conversation_id,
        question: "Where is she based?",
        answer: answered.response,
        outcome: "from_content",
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    expect(delivery.body).not.toContain(created.secret.slice(6));

    // A question the bot can't answer: both events, each its own job and its own webhook-id.
    await chat("Does she keep bees?");
    // (The owner's email about the question is a job of its own, tested in jobs.test.ts.)
    await db().query("delete from private.jobs where kind <> 'webhook.deliver'");
    expect((await jobs()).map((job) => job.payload.event).sort()).toEqual(["message.created", "question.unanswered"]);
    expect(await runDueJobs()).toEqual({ claimed: 2, done: 2, failed: 0 });
    const types = receiver.received.slice(1).map((entry) => (JSON.parse(entry.body) as { type: string }).type);
    expect(types.sort()).toEqual(["message.created", "question.unanswered"]);
    expect(new Set(receiver.received.map((entry) => entry.headers["webhook-id"])).size).toBe(3);

    const log = await logOf(created.id);
    expect(log).toHaveLength(3);
    expect(log.every((entry) => entry.status === "ok" && entry.response_code === 200 && entry.attempt === 1)).toBe(
      true,
    );
    expect(await jobs()).toEqual([]);
  });

  it("queues nothing for an endpoint that didn't subscribe to the event", async () => {
    await register(["question.unanswered"]);
    await chat("Where is she based?");
    expect(await jobs()).toEqual([]);
  });

  it("retries a receiver that fails with the queue's backoff, logging every attempt under one webhook-id", async () => {
    const created = await register(["message.created"]);
    receiver.state.status = 500;
    receiver.state.answer = "database down, try later";
    await chat("Where is she based?");
    expect(await runDueJobs()).toEqual({ claimed: 1, done: 0, failed: 1 });
    const [waiting] = await jobs();
    expect(waiting.attempts).toBe(1);
    expect(waiting.due_in_seconds).toBeGreaterThan(20);
    expect(waiting.due_in_seconds).toBeLessThanOrEqual(30);
    expect(await runDueJobs()).toEqual({ claimed: 0, done: 0, failed: 0 });
    const [failed] = await logOf(created.id);
    expect(failed).toMatchObject({ status: "failed", response_code: 500, attempt: 1, event: "message.created" });
    expect(failed.error).toContain("database down, try later");

    receiver.state.status = 204;
    await db().query("update private.jobs set run_at = now()");
    expect(await runDueJobs()).toEqual({ claimed: 1, done: 1, failed: 0 });
    const [first, second] = receiver.received;
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(second.body).toBe(first.body);
    expect(verifiedBySpec(created.secret, second)).toBe(true);
    const log = await logOf(created.id);
    expect(log.map((entry) => [entry.attempt, entry.status, entry.response_code])).toEqual([
      [2, "ok", 204],
      [1, "failed", 500],
    ]);
    expect(await jobs()).toEqual([]);
  });

  it("refuses private addresses and plain http unless the operator allows them", async () => {
    setEnv({ ALLOW_PRIVATE_NETWORK_FETCH: undefined });
    for (const url of [
      "https://127.0.0.1/hook",
      "https://[::1]/hook",
      "https://169.254.169.254/latest",
      "http://example.test/hook",
    ]) {
      const refused = await create(owner, { url, events: ["message.created"] });
      expect(refused.status, url).toBe(400);
      const { error } = (await refused.json()) as { error: { code: string; details: { path: string }[] } };
      expect(error.code).toBe("validation_failed");
      expect(error.details[0].path).toBe("url");
    }
    expect((await create(owner, { url: "https://example.test/hook", events: ["no.such.event"] })).status).toBe(400);
    // A name is checked when it resolves, at each delivery: localhost is refused before any connection.
    const named = await register(["message.created"], `https://localhost:${receiver.port}/hook`);
    const tested = await testWebhook(
      new Request(`${TEST_ORIGIN}/api/webhooks/${named.id}/test`, { method: "POST", headers: owner.bearer }),
      segment(named.id),
    );
    expect(tested.status).toBe(200);
    const result = (await tested.json()) as WebhookTestResult;
    expect(result).toMatchObject({ ok: false, response_code: null });
    expect(result.error).toMatch(/private, loopback or link-local/);
    expect(await logOf(named.id)).toEqual([
      expect.objectContaining({ event: "webhook.test", status: "failed", response_code: null }),
    ]);
    // An endpoint stored while http was allowed is not delivered to once it isn't.
    setEnv({ ALLOW_PRIVATE_NETWORK_FETCH: "1" });
    const plain = await register(["message.created"]);
    setEnv({ ALLOW_PRIVATE_NETWORK_FETCH: undefined });
    const { state } = await callAction<WebhookTestResult>(testWebhookAction, { id: plain.id }, owner.cookie);
    expect(state).toMatchObject({ status: "success", data: { ok: false } });
    expect(receiver.received).toEqual([]);
  });

  it("meters test events per owner, and keeps only the start of a receiver's answer", async () => {
    const tester = await signUpOwner();
    const response = await create(tester, { url: receiver.url, events: ["message.created"] });
    const created = (await response.json()) as CreatedWebhook;
    receiver.state.status = 500;
    receiver.state.answer = `Internal error: ${"stack frame ".repeat(100)}`;
    const send = () =>
      testWebhook(
        new Request(`${TEST_ORIGIN}/api/webhooks/${created.id}/test`, { method: "POST", headers: tester.bearer }),
        segment(created.id),
      );
    await awayFromAuthWindowBoundary();
    for (let i = 0; i < WEBHOOK_TESTS_PER_WINDOW; i++) expect((await send()).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(receiver.received).toHaveLength(WEBHOOK_TESTS_PER_WINDOW);
    // Another owner's budget is their own.
    const mine = await register(["message.created"]);
    const { state } = await callAction<WebhookTestResult>(testWebhookAction, { id: mine.id }, owner.cookie);
    expect(state).toMatchObject({ status: "success" });

    const deliveries = await deliveriesOf(tester, created.id);
    const [latest] = ((await deliveries.json()) as { deliveries: WebhookDelivery[] }).deliveries;
    expect(latest.error).toMatch(/^The receiver answered 500: Internal error: stack frame/);
    expect(latest.error?.length ?? 0).toBeLessThanOrEqual(WEBHOOK_RESPONSE_EXCERPT_CHARS);
    expect(WEBHOOK_RESPONSE_EXCERPT_CHARS).toBeLessThan(500);
  }, 60_000);

  it("keeps each owner's endpoints, deliveries and secrets from every other owner", async () => {
    const created = await register(["message.created"]);
    const tested = await callAction<WebhookTestResult>(testWebhookAction, { id: created.id }, owner.cookie);
    expect(tested.state).toMatchObject({ status: "success", data: { ok: true, response_code: 200 } });
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({ type: "webhook.test" });
    expect(verifiedBySpec(created.secret, receiver.received[0])).toBe(true);

    const othersList = await listWebhooks(new Request(`${TEST_ORIGIN}/api/webhooks`, { headers: other.bearer }));
    expect(await othersList.json()).toEqual({ webhooks: [] });
    expect((await deliveriesOf(other, created.id)).status).toBe(404);
    const othersTest = await testWebhook(
      new Request(`${TEST_ORIGIN}/api/webhooks/${created.id}/test`, { method: "POST", headers: other.bearer }),
      segment(created.id),
    );
    expect(othersTest.status).toBe(404);
    const othersDelete = await deleteWebhook(
      new Request(`${TEST_ORIGIN}/api/webhooks/${created.id}`, { method: "DELETE", headers: other.bearer }),
      segment(created.id),
    );
    expect(othersDelete.status).toBe(404);
    const notFound = { status: "error", code: "not_found" };
    expect((await callAction(testWebhookAction, { id: created.id }, other.cookie)).state).toMatchObject(notFound);
    expect((await callAction(deleteWebhookAction, { id: created.id }, other.cookie)).state).toMatchObject(notFound);
    expect(receiver.received).toHaveLength(1);

    // The database itself: another owner's claims see nothing, and no owner reads a secret.
    const claimsOf = (who: SignedUpOwner) => ({ sub: who.userId, role: "authenticated" as const });
    const seen = await asOwner(claimsOf(other), (tx) =>
      tx.query("select id from public.webhook_deliveries union all select id from public.webhook_endpoints"),
    );
    expect(seen).toEqual([]);
    const secrets = await asOwner(claimsOf(owner), (tx) =>
      tx.query("select secret from private.webhook_secrets").catch((error: unknown) => sqlState(error)),
    );
    expect(secrets).toBe("42501");

    expect((await callAction(deleteWebhookAction, { id: created.id }, owner.cookie)).state?.status).toBe("success");
    expect(await db().query("select 1 from private.webhook_secrets")).toEqual([]);
    expect(await db().query("select 1 from public.webhook_deliveries")).toEqual([]);
  });

  it("creates through the dashboard's action with the same rules, and caps endpoints per owner", async () => {
    const { state } = await callAction<CreatedWebhook>(
      createWebhookAction,
      { url: receiver.url, events: ["message.created", "message.created"], description: "" },
      owner.cookie,
    );
    expect(state).toMatchObject({ status: "success", data: { events: ["message.created"] } });
    expect(state?.status === "success" && state.data.secret).toMatch(/^whsec_/);
    const bad = await callAction(createWebhookAction, { url: "ftp://x", events: [] }, owner.cookie);
    expect(bad.state).toMatchObject({ status: "error", code: "validation_failed" });
    for (let count = 1; count < 10; count++) await register(["message.created"]);
    const over = await create(owner, { url: receiver.url, events: ["message.created"] });
    expect(over.status).toBe(409);
  });

  it("announces a visitor's thumbs up or down, with the comment and the turn it rates", async () => {
    const created = await register(["feedback.created"]);
    const turn = (await (await chat("Where is she based?")).json()) as { message_id: string };
    expect(await jobs()).toEqual([]);
    // As private.visitor_feedback records it (the route and its checks are tested in visitor-loop).
    const rate = (rating: string | null, comment: string | null) =>
      db().query("update public.messages set feedback = $2, feedback_comment = $3 where id = $1", [
        turn.message_id,
        rating,
        comment,
      ]);
    await rate("down", "Not the city I asked about");
    await rate("down", "Not the city I asked about");
    expect(await jobs()).toHaveLength(1);
    expect(await runDueJobs()).toEqual({ claimed: 1, done: 1, failed: 0 });
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({
      type: "feedback.created",
      data: {
        message_id: turn.message_id,
        chatbot_id: bot.id,
        rating: "down",
        comment: "Not the city I asked about",
        question: "Where is she based?",
      },
    });
    expect(verifiedBySpec(created.secret, receiver.received[0])).toBe(true);
    // Taken back: nothing announced.
    await rate(null, null);
    expect(await jobs()).toEqual([]);
  });

  it("announces a contact through the one SQL function, with ids queued and the contact read when sent", async () => {
    const created = await register(["contact.created"]);
    const visitor = `hook-contact-${randomUUID()}`;
    expect((await postChat({ chatbot_id: bot.id, visitor_id: visitor, message: "Hi" })).status).toBe(200);
    const [contact] = await db().query<{ id: string }>(
      `insert into public.contacts (chatbot_id, user_id, visitor_id, name, email)
       select $1, c.user_id, v.id, 'Hook Contact', 'hook@example.test'
         from public.chatbots c join public.visitors v on v.chatbot_id = c.id and v.visitor_id = $2
        where c.id = $1
       returning id`,
      [bot.id, visitor],
    );
    const [{ queued }] = await db().query<{ queued: number }>(
      "select private.enqueue_webhook_event('contact.created', $1, jsonb_build_object('contact_id', $2::text)) as queued",
      [bot.id, contact.id],
    );
    expect(queued).toBe(1);
    await expect(
      db().query("select private.enqueue_webhook_event('contact.deleted', $1, '{}')", [bot.id]),
    ).rejects.toThrow(/unknown webhook event/);
    expect(await runDueJobs()).toMatchObject({ failed: 0 });
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({
      type: "contact.created",
      data: { chatbot_id: bot.id, contact_id: contact.id, name: "Hook Contact", email: "hook@example.test" },
    });
    expect(verifiedBySpec(created.secret, receiver.received[0])).toBe(true);
  });

  it("keeps the last 100 attempts of the last 30 days per endpoint, pruning a bounded number per write", async () => {
    const created = await register(["message.created"]);
    await db().query(
      `insert into public.webhook_deliveries (endpoint_id, user_id, event, webhook_id, status, attempt, created_at)
       select $1, $2, 'message.created', 'msg_old', 'ok', 1, now() - make_interval(mins => n)
         from generate_series(1, 130) as n`,
      [created.id, owner.userId],
    );
    const count = async () =>
      (
        await db().query<{ count: number }>(
          "select count(*)::int as count from public.webhook_deliveries where endpoint_id = $1",
          [created.id],
        )
      )[0].count;
    const write = () =>
      asServiceStatement((service) =>
        recordWebhookDelivery(service, {
          endpointId: created.id,
          userId: owner.userId,
          event: "message.created",
          webhookId: "msg_new",
          ok: true,
          responseCode: 200,
          attempt: 1,
          error: null,
        }),
      );
    await write();
    expect(await count()).toBe(130 + 1 - 20);
    await write();
    expect(await count()).toBe(100);
    // The 2 new rows and the 98 newest old ones are left; make the 38 oldest of those 31 days old.
    await db().query(
      `update public.webhook_deliveries set created_at = now() - interval '31 days'
        where id in (select id from public.webhook_deliveries
                      where endpoint_id = $1 and webhook_id = 'msg_old' order by created_at limit 38)`,
      [created.id],
    );
    // No longer listed, and gone over the next writes (20 at most each).
    expect(await logOf(created.id)).toHaveLength(62);
    await write();
    await write();
    expect(await count()).toBe(64);
    expect(await logOf(created.id)).toHaveLength(64);
  });
});
