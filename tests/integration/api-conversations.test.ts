import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { DELETE as liftBlock } from "@/app/api/blocks/[id]/route";
import { GET as listBlocks } from "@/app/api/blocks/route";
import { GET as analytics } from "@/app/api/chatbots/[id]/analytics/route";
import { POST as block } from "@/app/api/conversations/[id]/blocks/route";
import { POST as reply } from "@/app/api/conversations/[id]/replies/route";
import { PATCH as markConversation, GET as readConversation } from "@/app/api/conversations/[id]/route";
import { GET as listConversations } from "@/app/api/conversations/route";
import { POST as improve } from "@/app/api/messages/[id]/improve/route";
import { GET as notificationSettings, PUT as putNotificationSettings } from "@/app/api/notifications/settings/route";
import { POST as answerQuestion } from "@/app/api/questions/answer/route";
import { POST as dismissQuestion } from "@/app/api/questions/dismiss/route";
import { GET as listQuestions } from "@/app/api/questions/route";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

// Issue 22: the operations that give the API what the dashboard's inbox, questions queue,
// analytics and notification settings do. Who may call each is in the authorization matrix; here,
// what they answer.

const segment = (id: string) => ({ params: Promise.resolve({ id }) });

type Page = {
  items: { id: string; chatbot_id: string; unread_count: number; last_message: string }[];
  next_cursor: string | null;
};

describeEachDatabase("the API's inbox, questions, analytics and notification settings", (db) => {
  let owner: SignedUpOwner;
  let bot: { id: string; slug: string };
  let otherBot: { id: string; slug: string };
  const get = (path: string, handler: (request: Request, segment?: never) => Promise<Response>) =>
    handler(new Request(`${TEST_ORIGIN}${path}`, { headers: owner.bearer }));
  const inboxId = async (conversationId: string) =>
    (
      await db().query<{ id: string }>("select id from public.conversations where conversation_id = $1", [
        conversationId,
      ])
    )[0].id;

  beforeAll(async () => {
    owner = await signUpOwner();
    bot = await insertBotWithProfile(db(), { id: owner.userId });
    otherBot = await insertBotWithProfile(db(), { id: owner.userId });
  });

  it("lists conversations with the inbox's filters, full-text search and a keyset cursor", async () => {
    const chats: { conversation_id: string; message_id: string }[] = [];
    for (const [chatbotId, message] of [
      [bot.id, "Where is the harbourmaster office?"],
      [bot.id, "Hello"],
      [otherBot.id, "Hello again"],
    ]) {
      const response = await postChat({ chatbot_id: chatbotId, visitor_id: `v-${randomUUID()}`, message });
      chats.push((await response.json()) as { conversation_id: string; message_id: string });
    }
    const all = (await (await get("/api/conversations", listConversations)).json()) as Page;
    expect(all.items).toHaveLength(3);
    const oneBot = (await (
      await get(`/api/conversations?chatbot_id=${otherBot.id}`, listConversations)
    ).json()) as Page;
    expect(oneBot.items.map((item) => item.chatbot_id)).toEqual([otherBot.id]);
    const found = (await (await get("/api/conversations?q=harbourmast", listConversations)).json()) as Page;
    expect(found.items.map((item) => item.last_message)).toEqual(["Where is the harbourmaster office?"]);
    const first = (await (await get("/api/conversations?limit=2", listConversations)).json()) as Page;
    expect(first.items).toHaveLength(2);
    const rest = (await (
      await get(`/api/conversations?limit=2&cursor=${first.next_cursor}`, listConversations)
    ).json()) as Page;
    expect([...first.items, ...rest.items].map((item) => item.id).sort()).toEqual(
      all.items.map((item) => item.id).sort(),
    );
    expect(rest.next_cursor).toBeNull();

    // Reading one marks nothing read; PATCH does, and the unread filter follows.
    const id = await inboxId(chats[0].conversation_id);
    const read = await readConversation(
      new Request(`${TEST_ORIGIN}/api/conversations/${id}`, { headers: owner.bearer }),
      segment(id),
    );
    expect(read.status).toBe(200);
    const detail = (await read.json()) as {
      conversation: { unread_count: number };
      turns: { items: { id: string; sources: unknown[] }[] };
    };
    expect(detail.conversation.unread_count).toBe(1);
    expect(detail.turns.items.map((turn) => turn.id)).toEqual([chats[0].message_id]);
    expect(detail.turns.items[0].sources).toEqual(expect.any(Array));
    const marked = await markConversation(
      jsonRequest(`/api/conversations/${id}`, { is_read: true }, { method: "PATCH", headers: owner.bearer }),
      segment(id),
    );
    expect(await marked.json()).toEqual({ id, is_read: true });
    const unread = (await (await get("/api/conversations?unread=true", listConversations)).json()) as Page;
    expect(unread.items.map((item) => item.id)).not.toContain(id);
    const readOnes = (await (await get("/api/conversations?unread=false", listConversations)).json()) as Page;
    expect(readOnes.items.map((item) => item.id)).toEqual([id]);

    // The owner's reply shows in the conversation; a block is listed and lifted.
    const replied = await reply(
      jsonRequest(`/api/conversations/${id}/replies`, { body: "Room 4, by the pier." }, { headers: owner.bearer }),
      segment(id),
    );
    expect(replied.status).toBe(201);
    const again = (await (
      await readConversation(
        new Request(`${TEST_ORIGIN}/api/conversations/${id}`, { headers: owner.bearer }),
        segment(id),
      )
    ).json()) as { replies: { body: string }[] };
    expect(again.replies.map((entry) => entry.body)).toEqual(["Room 4, by the pier."]);
    const blocked = await block(
      jsonRequest(`/api/conversations/${id}/blocks`, { scope: "visitor" }, { headers: owner.bearer }),
      segment(id),
    );
    expect(blocked.status).toBe(201);
    const { blocks } = (await blocked.json()) as { blocks: { id: string; scope: string }[] };
    expect(blocks).toEqual([{ id: expect.any(String), scope: "visitor" }]);
    const listed = (await (await get(`/api/blocks?chatbot_id=${bot.id}`, listBlocks)).json()) as {
      blocks: { id: string; conversation: string; visitor_id: string | null }[];
    };
    expect(listed.blocks).toEqual([
      expect.objectContaining({ id: blocks[0].id, conversation: id, visitor_id: expect.any(String) }),
    ]);
    const lifted = await liftBlock(
      new Request(`${TEST_ORIGIN}/api/blocks/${blocks[0].id}`, { method: "DELETE", headers: owner.bearer }),
      segment(blocks[0].id),
    );
    expect(lifted.status).toBe(204);
    expect(((await (await get("/api/blocks", listBlocks)).json()) as { blocks: unknown[] }).blocks).toEqual([]);
  });

  it("answers, dismisses and improves through the questions queue", async () => {
    for (const message of ["Does she keep bees?", "Does she play the cello?"]) {
      await postChat({ chatbot_id: bot.id, visitor_id: `v-${randomUUID()}`, message });
    }
    const queue = (await (await get("/api/questions", listQuestions)).json()) as {
      groups: { question: string; wordings: string[]; last_asked_at: string }[];
    };
    const bees = queue.groups.find((group) => group.question === "Does she keep bees?");
    const cello = queue.groups.find((group) => group.question === "Does she play the cello?");
    expect(bees?.last_asked_at).toEqual(expect.any(String));
    const answered = await answerQuestion(
      jsonRequest(
        "/api/questions/answer",
        { questions: bees?.wordings, answer: "No bees." },
        { headers: owner.bearer },
      ),
    );
    expect(await answered.json()).toEqual({ knowledge_item_id: expect.any(String) });
    const dismissed = await dismissQuestion(
      jsonRequest("/api/questions/dismiss", { questions: cello?.wordings }, { headers: owner.bearer }),
    );
    expect(dismissed.status).toBe(200);
    const after = (await (await get("/api/questions", listQuestions)).json()) as { groups: { question: string }[] };
    expect(after.groups.map((group) => group.question)).not.toContain("Does she keep bees?");
    expect(after.groups.map((group) => group.question)).not.toContain("Does she play the cello?");

    const turn = (await (
      await postChat({ chatbot_id: bot.id, visitor_id: `v-${randomUUID()}`, message: "Does she sail?" })
    ).json()) as { message_id: string };
    const improved = await improve(
      jsonRequest(`/api/messages/${turn.message_id}/improve`, { answer: "Every summer." }, { headers: owner.bearer }),
      segment(turn.message_id),
    );
    expect(await improved.json()).toEqual({ knowledge_item_id: expect.any(String) });
  });

  it("reports the analytics page's figures for a bot and a period", async () => {
    const response = await analytics(
      new Request(`${TEST_ORIGIN}/api/chatbots/${bot.id}/analytics?days=7`, { headers: owner.bearer }),
      segment(bot.id),
    );
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      days: number;
      daily: unknown[];
      by_hour: unknown[];
      totals: { turns: number };
    };
    expect(report.days).toBe(7);
    expect(report.daily).toHaveLength(7);
    expect(report.by_hour).toHaveLength(24);
    expect(report.totals.turns).toBeGreaterThan(0);
    const refused = await analytics(
      new Request(`${TEST_ORIGIN}/api/chatbots/${bot.id}/analytics?days=14`, { headers: owner.bearer }),
      segment(bot.id),
    );
    expect(refused.status).toBe(400);
  });

  it("reads and sets notification settings", async () => {
    const before = await get("/api/notifications/settings", notificationSettings);
    expect(before.status).toBe(200);
    const settings = {
      unanswered_questions: "daily",
      contacts: "off",
      weekly_summary: true,
      timezone: "Europe/Lisbon",
    };
    const put = await putNotificationSettings(
      jsonRequest("/api/notifications/settings", settings, { method: "PUT", headers: owner.bearer }),
    );
    expect(await put.json()).toEqual(settings);
    expect(await (await get("/api/notifications/settings", notificationSettings)).json()).toEqual(settings);
  });

  it("shows another owner none of it", async () => {
    const stranger = await signUpOwner();
    const as = (path: string, handler: (request: Request, segment: never) => Promise<Response>, id?: string) =>
      handler(new Request(`${TEST_ORIGIN}${path}`, { headers: stranger.bearer }), segment(id ?? "") as never);
    const [{ id }] = await db().query<{ id: string }>(
      "select id from public.conversations where chatbot_id = $1 limit 1",
      [bot.id],
    );
    expect(((await (await as("/api/conversations", listConversations)).json()) as Page).items).toEqual([]);
    expect(((await (await as("/api/questions", listQuestions)).json()) as { groups: unknown[] }).groups).toEqual([]);
    expect(((await (await as("/api/blocks", listBlocks)).json()) as { blocks: unknown[] }).blocks).toEqual([]);
    expect((await as(`/api/conversations/${id}`, readConversation, id)).status).toBe(404);
    expect((await as(`/api/chatbots/${bot.id}/analytics`, analytics, bot.id)).status).toBe(404);
    const marked = await markConversation(
      jsonRequest(`/api/conversations/${id}`, { is_read: false }, { method: "PATCH", headers: stranger.bearer }),
      segment(id),
    );
    expect(marked.status).toBe(404);
    const blocked = await block(
      jsonRequest(`/api/conversations/${id}/blocks`, { scope: "visitor" }, { headers: stranger.bearer }),
      segment(id),
    );
    expect(blocked.status).toBe(404);
  });

  it("answers bad input with a 4xx JSON error, never a 500", async () => {
    const bad: [Promise<Response>, number][] = [
      [get("/api/conversations?cursor=forged", listConversations), 400],
      [get("/api/conversations?status=maybe", listConversations), 400],
      [get("/api/conversations?from=2026-02-31", listConversations), 400],
      [get(`/api/conversations?chatbot_id=not-a-uuid`, listConversations), 400],
      [get("/api/conversations?limit=1000", listConversations), 400],
      [get("/api/questions?limit=0", listQuestions), 400],
      [
        putNotificationSettings(
          jsonRequest(
            "/api/notifications/settings",
            { unanswered_questions: "daily", contacts: "off", weekly_summary: "yes", timezone: "Mars/Olympus" },
            { method: "PUT", headers: owner.bearer },
          ),
        ),
        400,
      ],
      [
        answerQuestion(jsonRequest("/api/questions/answer", { questions: [], answer: "" }, { headers: owner.bearer })),
        400,
      ],
      [
        readConversation(
          new Request(`${TEST_ORIGIN}/api/conversations/nope`, { headers: owner.bearer }),
          segment("nope"),
        ),
        404,
      ],
      [
        reply(
          jsonRequest(`/api/conversations/${randomUUID()}/replies`, { body: "x" }, { headers: owner.bearer }),
          segment(randomUUID()),
        ),
        404,
      ],
    ];
    for (const [response, status] of bad) {
      const answered = await response;
      expect(answered.status).toBe(status);
      expect(await answered.json()).toMatchObject({ error: { code: expect.any(String) } });
    }
  });
});
