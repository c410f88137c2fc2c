import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { asOwner } from "@/lib/db";
import { blockVisitorAction, unblockVisitorAction } from "@/lib/inbox/actions";
import { callAction } from "../support/actions";
import { type SignedUpOwner, signUpOwner } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("privacy the owner controls: blocked visitors, networks and words", (db) => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let bot: { id: string; slug: string };

  const chat = (visitor: string, ip: string, message = "Where is she based?") =>
    postChat({ chatbot_id: bot.id, visitor_id: visitor, message }, { "x-forwarded-for": ip });
  const refusedToday = async () => {
    const [row] = await db().query<{ refused: number }>(
      "select coalesce(sum(refused), 0)::integer as refused from public.chatbot_daily_usage where chatbot_id = $1",
      [bot.id],
    );
    return row.refused;
  };
  const storedMessages = async (text: string) =>
    (await db().query("select 1 from public.messages where chatbot_id = $1 and message = $2", [bot.id, text])).length;
  /** The inbox row of the visitor's conversation, as the owner's dashboard names it. */
  const conversationOf = async (response: Response) => {
    const { conversation_id } = (await response.json()) as { conversation_id: string };
    const [row] = await db().query<{ id: string }>(
      "select id from public.conversations where chatbot_id = $1 and conversation_id = $2",
      [bot.id, conversation_id],
    );
    return row.id;
  };
  const block = (who: SignedUpOwner, conversation: string, scope: string) =>
    callAction(blockVisitorAction, { conversation, scope }, who.cookie);

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
    bot = await insertBotWithProfile(db(), { id: owner.userId }, { configuration: { blocked_words: ["Casino"] } });
  });

  it("refuses a message with a blocked word, whole words in any case, counting it and storing nothing", async () => {
    const before = await refusedToday();
    const refused = await chat(`privacy-${randomUUID()}`, "198.51.100.1", "Any CASINO tips from her?");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: "forbidden", message: "This chatbot can't respond to that message. Please rephrase it." },
    });
    expect(await storedMessages("Any CASINO tips from her?")).toBe(0);
    expect(await refusedToday()).toBe(before + 1);
    // Part of a word is not the word.
    expect((await chat(`privacy-${randomUUID()}`, "198.51.100.1", "Does she like casinos?")).status).toBe(200);
  });

  it("refuses blocked words that aren't single words when the owner sets them", async () => {
    const { PATCH } = await import("@/app/api/chatbots/[id]/route");
    const response = await PATCH(
      new Request(`http://localhost/api/chatbots/${bot.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", ...owner.bearer },
        body: JSON.stringify({ configuration: { blocked_words: ["two words"] } }),
      }),
      { params: Promise.resolve({ id: bot.id }) },
    );
    expect(response.status).toBe(400);
  });

  it("blocks a visitor from the inbox: their chats are refused, others' aren't, and the owner can lift it", async () => {
    const vera = `privacy-${randomUUID()}`;
    const first = await chat(vera, "198.51.100.20");
    expect(first.status).toBe(200);
    const conversation = await conversationOf(first);

    expect((await block(other, conversation, "visitor")).state).toMatchObject({ status: "error", code: "not_found" });
    expect((await chat(vera, "198.51.100.20")).status).toBe(200);

    expect((await block(owner, conversation, "visitor")).state?.status).toBe("success");
    const before = await refusedToday();
    const refused = await chat(vera, "198.51.100.21", "Still there?");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      "This chatbot isn't taking messages from you right now.",
    );
    expect(await storedMessages("Still there?")).toBe(0);
    expect(await refusedToday()).toBe(before + 1);
    expect((await chat(`privacy-${randomUUID()}`, "198.51.100.20")).status).toBe(200);

    const [entry] = await asOwner({ sub: owner.userId, role: "authenticated" }, (tx) =>
      tx.query<{ id: string }>("select id from public.blocked_visitors where blocked_from = $1", [conversation]),
    );
    // Another owner can neither see nor lift it.
    expect(
      await asOwner({ sub: other.userId, role: "authenticated" }, (tx) =>
        tx.query("select id from public.blocked_visitors"),
      ),
    ).toEqual([]);
    expect((await callAction(unblockVisitorAction, { id: entry.id }, other.cookie)).state).toMatchObject({
      code: "not_found",
    });
    expect((await callAction(unblockVisitorAction, { id: entry.id }, owner.cookie)).state?.status).toBe("success");
    expect((await chat(vera, "198.51.100.21")).status).toBe(200);
  });

  it("blocks a network (an IPv6 client's /64, an IPv4 address) without the owner ever reading it", async () => {
    const first = await chat(`privacy-${randomUUID()}`, "2001:db8:77:1::5");
    const conversation = await conversationOf(first);
    expect((await block(owner, conversation, "network")).state?.status).toBe("success");
    expect((await chat(`privacy-${randomUUID()}`, "2001:db8:77:1:ffff::9")).status).toBe(403);
    expect((await chat(`privacy-${randomUUID()}`, "2001:db8:77:2::5")).status).toBe(200);

    const ipv4 = await conversationOf(await chat(`privacy-${randomUUID()}`, "203.0.113.40"));
    expect((await block(owner, ipv4, "network")).state?.status).toBe("success");
    expect((await chat(`privacy-${randomUUID()}`, "203.0.113.40")).status).toBe(403);
    expect((await chat(`privacy-${randomUUID()}`, "203.0.113.41")).status).toBe(200);

    // The owner's role has no privilege on the address column at all.
    const read = await asOwner({ sub: owner.userId, role: "authenticated" }, (tx) =>
      tx.query("select network from public.blocked_visitors").then(
        () => "read",
        (error: { code?: string }) => error.code,
      ),
    );
    expect(read).toBe("42501");
  });
});
