import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { GET as listMessages } from "@/app/api/chatbots/[id]/messages/route";
import { GET as listVisitors } from "@/app/api/chatbots/[id]/visitors/route";
import { PATCH as patchMessage } from "@/app/api/messages/[id]/route";
import { jsonRequest, type SignedUpOwner, signUpOwner } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

const segment = (id: string) => ({ params: Promise.resolve({ id }) });

describeEachDatabase("owner's messages API", (db) => {
  let owner: SignedUpOwner;
  let stranger: SignedUpOwner;
  let bot: { id: string; slug: string };
  const vera = `vera-${randomUUID().slice(0, 8)}`;
  const otto = `otto-${randomUUID().slice(0, 8)}`;

  const get = (path: string, headers: Record<string, string>) =>
    listMessages(
      new Request(`http://localhost/api/chatbots/${path}`, { headers }),
      segment(path.split("/")[0].split("?")[0]),
    );

  beforeAll(async () => {
    owner = await signUpOwner();
    stranger = await signUpOwner();
    bot = await insertBotWithProfile(db(), {
      id: owner.userId,
      email: owner.email,
      claims: { sub: owner.userId, role: "authenticated" },
    });
    for (const [visitor, message] of [
      [vera, "First from Vera"],
      [otto, "Hello from Otto"],
      [vera, "Second from Vera"],
    ]) {
      const response = await postChat({
        message,
        visitor_id: visitor,
        visitor_name: visitor.split("-")[0],
        chatbot_id: bot.id,
      });
      expect(response.status).toBe(200);
    }
  });

  it("lists a bot's messages newest first, with their visitor", async () => {
    const response = await get(`${bot.id}/messages`, owner.bearer);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.next_cursor).toBeNull();
    expect(body.items.map((item: { message: string }) => item.message)).toEqual([
      "Second from Vera",
      "Hello from Otto",
      "First from Vera",
    ]);
    expect(body.items[0]).toEqual({
      id: expect.any(String),
      chatbot_id: bot.id,
      conversation_id: expect.any(String),
      visitor: { id: expect.any(String), visitor_id: vera, name: "vera" },
      message: "Second from Vera",
      response: expect.any(String),
      status: "answered",
      // Vera's words match nothing of the profile: the offline model says it can't answer.
      outcome: "unanswered",
      sources: [],
      feedback: null,
      feedback_comment: null,
      is_read: false,
      created_at: expect.stringMatching(/Z$/),
    });
  });

  it("pages with a keyset cursor", async () => {
    const first = await (await get(`${bot.id}/messages?limit=2`, owner.bearer)).json();
    expect(first.items).toHaveLength(2);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await (await get(`${bot.id}/messages?limit=2&cursor=${first.next_cursor}`, owner.bearer)).json();
    expect(second.items.map((item: { message: string }) => item.message)).toEqual(["First from Vera"]);
    expect(second.next_cursor).toBeNull();
  });

  it("filters by visitor and by unread, and marks messages read and unread", async () => {
    const byVera = await (await get(`${bot.id}/messages?visitor_id=${vera}`, owner.bearer)).json();
    expect(byVera.items).toHaveLength(2);

    const target = byVera.items[0];
    const marked = await patchMessage(
      jsonRequest(`/api/messages/${target.id}`, { is_read: true }, { method: "PATCH", headers: owner.bearer }),
      segment(target.id),
    );
    expect(marked.status).toBe(200);
    expect(await marked.json()).toMatchObject({ id: target.id, is_read: true, message: target.message });

    const unread = await (await get(`${bot.id}/messages?unread=true`, owner.bearer)).json();
    expect(unread.items.map((item: { id: string }) => item.id)).not.toContain(target.id);
    expect(unread.items).toHaveLength(2);

    const unmarked = await patchMessage(
      jsonRequest(`/api/messages/${target.id}`, { is_read: false }, { method: "PATCH", headers: owner.bearer }),
      segment(target.id),
    );
    expect((await unmarked.json()).is_read).toBe(false);
  });

  it("lists the bot's visitors with their message counts", async () => {
    const response = await listVisitors(
      new Request(`http://localhost/api/chatbots/${bot.id}/visitors`, { headers: owner.bearer }),
      segment(bot.id),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(
      body.items.map((item: { visitor_id: string; message_count: number }) => [item.visitor_id, item.message_count]),
    ).toEqual([
      [vera, 2],
      [otto, 1],
    ]);
    expect(body.items[0]).toMatchObject({
      name: "vera",
      first_seen: expect.any(String),
      last_seen: expect.any(String),
    });
  });

  it("hides another owner's bot and messages behind 404s", async () => {
    expect((await get(`${bot.id}/messages`, stranger.bearer)).status).toBe(404);
    const visitors = await listVisitors(
      new Request(`http://localhost/api/chatbots/${bot.id}/visitors`, { headers: stranger.bearer }),
      segment(bot.id),
    );
    expect(visitors.status).toBe(404);
    const [message] = (await (await get(`${bot.id}/messages`, owner.bearer)).json()).items;
    const patched = await patchMessage(
      jsonRequest(`/api/messages/${message.id}`, { is_read: true }, { method: "PATCH", headers: stranger.bearer }),
      segment(message.id),
    );
    expect(patched.status).toBe(404);
    expect((await get("not-a-uuid/messages", owner.bearer)).status).toBe(404);
    expect((await get(`${randomUUID()}/messages`, owner.bearer)).status).toBe(404);
  });

  it("refuses bad queries and bodies with 400s, and strangers with 401", async () => {
    for (const [query, path] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=ten", "limit"],
      ["cursor=garbage", "cursor"],
      ["unread=maybe", "unread"],
    ]) {
      const response = await get(`${bot.id}/messages?${query}`, owner.bearer);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.details[0].path).toBe(path);
    }
    const badBody = await patchMessage(
      jsonRequest(`/api/messages/${randomUUID()}`, { is_read: "yes" }, { method: "PATCH", headers: owner.bearer }),
      segment(randomUUID()),
    );
    expect(badBody.status).toBe(400);
    const anonymous = await get(`${bot.id}/messages`, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});
