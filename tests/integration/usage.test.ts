import { randomUUID } from "node:crypto";
import { afterEach, expect, it } from "vitest";
import { asOwner, asVisitor } from "@/lib/db";
import { listRefusalsPerDay } from "@/lib/db/queries/refusals";
import { quotaUsage } from "@/lib/db/queries/usage";
import { findVisitorConversation } from "@/lib/db/queries/visitors";
import { webVisitorId } from "@/lib/visitors/identity";
import { setEnv } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";
import { insertOwner } from "../support/owners";

describeEachDatabase("usage counters for the dashboard, and a visitor's history", (db) => {
  afterEach(() => setEnv({ OWNER_MONTHLY_MESSAGES: undefined }));
  const visitor = () => `v-${randomUUID()}`;

  it("reports the month's quota use to its owner, alerting from 80%, and nothing of it to another owner", async () => {
    const owner = await insertOwner(db());
    const stranger = await insertOwner(db());
    const bot = await insertBotWithProfile(db(), owner);
    setEnv({ OWNER_MONTHLY_MESSAGES: "5" });
    const usage = () => asOwner(owner.claims, (tx) => quotaUsage(tx, { ownerId: owner.id }));
    expect(await usage()).toMatchObject({ used: 0, limit: 5, alert: false });
    for (let turn = 0; turn < 4; turn++) {
      expect((await postChat({ message: "hi", visitor_id: visitor(), chatbot_id: bot.id })).status).toBe(200);
    }
    const month = new Date().toISOString().slice(0, 7);
    expect(await usage()).toEqual({ month: `${month}-01`, used: 4, limit: 5, alert: true });
    // Another owner naming this owner's id reads their own (RLS), which is nothing.
    expect(await asOwner(stranger.claims, (tx) => quotaUsage(tx, { ownerId: owner.id }))).toMatchObject({ used: 0 });
  });

  it("lists refusals per bot and day from the counter, for the owner's bots only", async () => {
    const owner = await insertOwner(db());
    const stranger = await insertOwner(db());
    const bot = await insertBotWithProfile(db(), owner, {
      configuration: { rate_limit: { max_messages: 1, window_seconds: 60 } },
    });
    const who = visitor();
    expect((await postChat({ message: "hi", visitor_id: who, chatbot_id: bot.id })).status).toBe(200);
    for (let turn = 0; turn < 3; turn++) {
      expect((await postChat({ message: "again", visitor_id: who, chatbot_id: bot.id })).status).toBe(429);
    }
    const now = new Date();
    const range = { from: new Date(now.getTime() - 86_400_000), to: now };
    const today = now.toISOString().slice(0, 10);
    expect(await asOwner(owner.claims, (tx) => listRefusalsPerDay(tx, range))).toContainEqual({
      chatbotId: bot.id,
      day: today,
      count: 3,
    });
    expect(await asOwner(owner.claims, (tx) => listRefusalsPerDay(tx, { ...range, chatbotIds: [bot.id] }))).toEqual([
      { chatbotId: bot.id, day: today, count: 3 },
    ]);
    expect(await asOwner(stranger.claims, (tx) => listRefusalsPerDay(tx, { ...range, chatbotIds: [bot.id] }))).toEqual(
      [],
    );
    const past = { from: new Date("2020-01-01T00:00:00Z"), to: new Date("2020-02-01T00:00:00Z") };
    expect(await asOwner(owner.claims, (tx) => listRefusalsPerDay(tx, past))).toEqual([]);
  });

  it("returns a visitor's history only to the holder of the cookie's secret, never to someone naming the id", async () => {
    const owner = await insertOwner(db());
    const bot = await insertBotWithProfile(db(), owner);
    const secret = randomUUID().replaceAll("-", "") + randomUUID().replaceAll("-", "");
    const visitorId = webVisitorId(secret, bot.id);
    // As the API stores a page visitor's turn (the cookie check is the route's, not under test here).
    await db().query("insert into visitors (chatbot_id, visitor_id, name) values ($1, $2, 'Vera')", [
      bot.id,
      visitorId,
    ]);
    await db().query(
      `insert into messages (chatbot_id, visitor_id, conversation_id, message, response, status)
       select $1, v.id, gen_random_uuid(), 'Where?', 'London.', 'answered' from visitors v
        where v.chatbot_id = $1 and v.visitor_id = $2`,
      [bot.id, visitorId],
    );
    const past = await asVisitor((tx) => findVisitorConversation(tx, { chatbotId: bot.id, visitorSecret: secret }));
    expect(past).toMatchObject({ visitor_name: "Vera", turns: [{ message: "Where?", response: "London." }] });
    // The id (which the owner's inbox shows) is not a key to the history.
    for (const guess of [visitorId, visitorId.slice(4), "", "x".repeat(64)]) {
      expect(await asVisitor((tx) => findVisitorConversation(tx, { chatbotId: bot.id, visitorSecret: guess }))).toBe(
        null,
      );
    }
  });
});
