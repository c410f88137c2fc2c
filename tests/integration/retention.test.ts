import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { runDueJobs } from "@/lib/jobs/run";
import { type SignedUpOwner, signUpOwner } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("conversations kept only as long as the bot's retention says", (db) => {
  let owner: SignedUpOwner;
  let keeping: { id: string; slug: string };
  let forever: { id: string; slug: string };

  /** A visitor's conversation, as old as `daysAgo` says (turns, inbox row and question rollup). */
  async function conversation(
    bot: { id: string },
    daysAgo: number,
  ): Promise<{ conversationId: string; visitorId: string }> {
    const visitor = `retention-${randomUUID()}`;
    const response = await postChat({ chatbot_id: bot.id, visitor_id: visitor, message: "Where is she based?" });
    expect(response.status).toBe(200);
    const { conversation_id } = (await response.json()) as { conversation_id: string };
    const age = `${daysAgo} days`;
    await db().query(
      "update public.messages set created_at = now() - $3::interval where chatbot_id = $1 and conversation_id = $2",
      [bot.id, conversation_id, age],
    );
    await db().query(
      "update public.conversations set last_message_at = now() - $3::interval, started_at = now() - $3::interval where chatbot_id = $1 and conversation_id = $2",
      [bot.id, conversation_id, age],
    );
    await db().query(
      "insert into public.chatbot_daily_questions (chatbot_id, day, question, user_id, asked) values ($1, (now() - $2::interval)::date, $3, $4, 1) on conflict do nothing",
      [bot.id, age, `old question ${daysAgo}`, owner.userId],
    );
    return { conversationId: conversation_id, visitorId: visitor };
  }

  const rows = async (bot: { id: string }, conversationId: string) => {
    const [counts] = await db().query<{ messages: number; inbox: number }>(
      `select (select count(*)::integer from public.messages where chatbot_id = $1 and conversation_id = $2) as messages,
              (select count(*)::integer from public.conversations where chatbot_id = $1 and conversation_id = $2) as inbox`,
      [bot.id, conversationId],
    );
    return counts;
  };
  const visitorKept = async (bot: { id: string }, visitorId: string) =>
    (await db().query("select 1 from public.visitors where chatbot_id = $1 and visitor_id = $2", [bot.id, visitorId]))
      .length === 1;

  beforeAll(async () => {
    owner = await signUpOwner();
    keeping = await insertBotWithProfile(db(), { id: owner.userId }, { configuration: { retention_days: 30 } });
    forever = await insertBotWithProfile(db(), { id: owner.userId });
  });

  it("deletes what aged out, with its visitor and question texts, and keeps the rest and the counts", async () => {
    const old = await conversation(keeping, 40);
    const recent = await conversation(keeping, 10);
    const ancient = await conversation(forever, 400);
    const [statsBefore] = await db().query<{ messages: number }>(
      "select coalesce(sum(messages), 0)::integer as messages from public.chatbot_daily_stats where chatbot_id = $1",
      [keeping.id],
    );

    await runDueJobs();

    expect(await rows(keeping, old.conversationId)).toEqual({ messages: 0, inbox: 0 });
    expect(await visitorKept(keeping, old.visitorId)).toBe(false);
    expect(await rows(keeping, recent.conversationId)).toEqual({ messages: 1, inbox: 1 });
    expect(await visitorKept(keeping, recent.visitorId)).toBe(true);
    // No retention set: kept however old.
    expect(await rows(forever, ancient.conversationId)).toEqual({ messages: 1, inbox: 1 });
    const questions = await db().query<{ question: string }>(
      "select question from public.chatbot_daily_questions where chatbot_id = $1 and question like 'old question%'",
      [keeping.id],
    );
    expect(questions.map((row) => row.question)).toEqual(["old question 10"]);
    // Counts without text stay for analytics.
    const [statsAfter] = await db().query<{ messages: number }>(
      "select coalesce(sum(messages), 0)::integer as messages from public.chatbot_daily_stats where chatbot_id = $1",
      [keeping.id],
    );
    expect(statsAfter.messages).toBe(statsBefore.messages);
  });

  it("takes only the retentions the editor offers", async () => {
    const { PATCH } = await import("@/app/api/chatbots/[id]/route");
    const patch = (retention: unknown) =>
      PATCH(
        new Request(`http://localhost/api/chatbots/${keeping.id}`, {
          method: "PATCH",
          headers: { "content-type": "application/json", ...owner.bearer },
          body: JSON.stringify({ configuration: { retention_days: retention } }),
        }),
        { params: Promise.resolve({ id: keeping.id }) },
      );
    expect((await patch(7)).status).toBe(400);
    expect((await patch(90)).status).toBe(200);
    expect((await patch(null)).status).toBe(200);
  });
});
