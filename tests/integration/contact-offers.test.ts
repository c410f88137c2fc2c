import { randomUUID } from "node:crypto";
import type { LanguageModelV4GenerateResult, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV4, simulateReadableStream } from "ai/test";
import { afterEach, beforeAll, expect, it } from "vitest";
import { POST as leaveContact } from "@/app/api/chat/contact/route";
import { setLanguageModelForTests } from "@/lib/ai/models";
import { asVisitor } from "@/lib/db";
import { findVisitorConversation } from "@/lib/db/queries/visitors";
import { newVisitorCookieValue, VISITOR_COOKIE } from "@/lib/visitors/cookie";
import { webVisitorId } from "@/lib/visitors/identity";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { insertBotWithProfile, postChat, readUiStream } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

// The bot offers the "Leave your details" form inside the conversation: under an answer that could
// not help, or one to a visitor asking to reach the owner, unless the owner turned the form off.
// The offer travels with the answer (JSON field, the stream's finish metadata), is stored on the
// turn, and comes back with a returning visitor's conversation until they have left their details.

const usage = {
  inputTokens: { total: 12, noCache: 12, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};
const finished = (unified: "stop" | "tool-calls") => ({ unified, raw: unified });
const offerCall = (id = `call-${randomUUID().slice(0, 8)}`) => ({
  type: "tool-call" as const,
  toolCallId: id,
  toolName: "offer_contact_form",
  input: "{}",
});
const reportCall = (outcome: string) => ({
  type: "tool-call" as const,
  toolCallId: `call-${randomUUID().slice(0, 8)}`,
  toolName: "report_outcome",
  input: JSON.stringify({ outcome }),
});

interface ChatReply {
  response: string;
  message_id: string;
  contact_offered: boolean;
}

describeEachDatabase("the bot offers the contact form in the conversation", (db) => {
  let owner: SignedUpOwner;
  let bot: { id: string };
  let offBot: { id: string };

  beforeAll(async () => {
    owner = await signUpOwner();
    bot = await insertBotWithProfile(db(), { id: owner.userId });
    offBot = await insertBotWithProfile(db(), { id: owner.userId }, { configuration: { contact_form: "off" } });
  });
  afterEach(() => setLanguageModelForTests(undefined));

  const ask = (chatbotId: string, message: string, stream = false) =>
    postChat({ chatbot_id: chatbotId, visitor_id: `offer-${randomUUID()}`, message, stream });
  const askJson = async (chatbotId: string, message: string) => {
    const response = await ask(chatbotId, message);
    expect(response.status).toBe(200);
    return (await response.json()) as ChatReply;
  };
  const stored = async (messageId: string) => {
    const [row] = await db().query<{ contact_offered: boolean; outcome: string | null }>(
      "select contact_offered, outcome from public.messages where id = $1",
      [messageId],
    );
    return row;
  };

  it("offers it (offline model) to a visitor asking to reach the owner, and under an answer it could not give", async () => {
    const reach = await askJson(bot.id, "How can I contact her?");
    expect(reach.response).toBe(
      "You can leave your details for Ada right here: your name, your email and a short message. Ada sees them and can get back to you.",
    );
    expect(reach.contact_offered).toBe(true);
    expect(await stored(reach.message_id)).toEqual({ contact_offered: true, outcome: "small_talk" });

    for (const message of ["Can I talk to her?", "what's Ada's email", "I'd like to hire you", "Can she call me?"]) {
      expect([message, (await askJson(bot.id, message)).contact_offered]).toEqual([message, true]);
    }

    const unanswered = await askJson(bot.id, "Does Ada keep bees?");
    expect(unanswered.response).toContain("I don't know that");
    expect(unanswered.contact_offered).toBe(true);
    expect(await stored(unanswered.message_id)).toEqual({ contact_offered: true, outcome: "unanswered" });

    const answered = await askJson(bot.id, "Where is she based?");
    expect(answered.contact_offered).toBe(false);
    expect(await stored(answered.message_id)).toEqual({ contact_offered: false, outcome: "from_content" });
  });

  it("offers nothing when the owner turned the form off, and says the owner reads the conversations", async () => {
    const reach = await askJson(offBot.id, "What's her email?");
    expect(reach.response).toBe(
      "Ada reads the conversations on this page, so you can leave a message for Ada right here in the chat.",
    );
    expect(reach.contact_offered).toBe(false);
    const unanswered = await askJson(offBot.id, "Does Ada keep bees?");
    expect(unanswered.contact_offered).toBe(false);
    for (const { message_id } of [reach, unanswered]) expect((await stored(message_id)).contact_offered).toBe(false);
  });

  it("sends the offer with the streamed answer's finish, and only when there is one", async () => {
    const chunks = await readUiStream(await ask(bot.id, "how do I get in touch with Ada?", true));
    const offers = chunks.filter((chunk) => chunk.messageMetadata?.contact_offered !== undefined);
    expect(offers.map((chunk) => [chunk.type, chunk.messageMetadata?.contact_offered])).toEqual([["finish", true]]);
    const messageId = String(chunks.find((chunk) => chunk.messageMetadata?.message_id)?.messageMetadata?.message_id);
    expect((await stored(messageId)).contact_offered).toBe(true);

    for (const [chatbotId, message] of [
      [bot.id, "Where is she based?"],
      [offBot.id, "How can I contact her?"],
    ]) {
      const quiet = await readUiStream(await ask(chatbotId, message, true));
      expect(quiet.some((chunk) => chunk.messageMetadata?.contact_offered !== undefined)).toBe(false);
    }
  });

  it("shows a returning visitor the offer under that answer until they leave their details", async () => {
    const value = newVisitorCookieValue();
    const [secret] = value.split(".");
    const headers = { cookie: `${VISITOR_COOKIE}=${value}`, origin: TEST_ORIGIN };
    let conversation: string | null = null;
    const say = async (message: string) => {
      const response = await postChat(
        { chatbot_id: bot.id, visitor_id: webVisitorId(secret, bot.id), message, conversation_id: conversation },
        headers,
      );
      expect(response.status).toBe(200);
      conversation = ((await response.json()) as { conversation_id: string }).conversation_id;
    };
    const offers = async () =>
      (await asVisitor((tx) => findVisitorConversation(tx, { chatbotId: bot.id, visitorSecret: secret })))?.turns.map(
        (turn) => [turn.message, turn.contact_offered],
      );
    await say("Where is she based?");
    await say("How do I contact him?");
    expect(await offers()).toEqual([
      ["Where is she based?", false],
      ["How do I contact him?", true],
    ]);
    const left = await leaveContact(
      jsonRequest("/api/chat/contact", { chatbot_id: bot.id, name: "Kit", email: "kit@example.test" }, { headers }),
    );
    expect(left.status).toBe(201);
    expect(await offers()).toEqual([
      ["Where is she based?", false],
      ["How do I contact him?", false],
    ]);
    // Offered again later, it shows again.
    await say("Does Ada keep bees?");
    expect((await offers())?.at(-1)).toEqual(["Does Ada keep bees?", true]);
  });

  it("gives a real model the offer_contact_form tool only while the form is on, and records its call (JSON)", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async (): Promise<LanguageModelV4GenerateResult> => ({
        content: [
          { type: "text", text: "Leave your details below and Ada will get back to you." },
          reportCall("small_talk"),
          offerCall(),
        ],
        finishReason: finished("tool-calls"),
        usage,
        warnings: [],
      }),
    });
    setLanguageModelForTests(() => ({ model, label: "openai:mock" }));
    const body = await askJson(bot.id, "Is there a way to book some time with Ada?");
    expect(body.contact_offered).toBe(true);
    expect(await stored(body.message_id)).toEqual({ contact_offered: true, outcome: "small_talk" });
    expect(model.doGenerateCalls).toHaveLength(1);
    const [call] = model.doGenerateCalls;
    expect(call.tools?.map((tool) => tool.name)).toEqual(["report_outcome", "offer_contact_form"]);
    expect(call.prompt.find((message) => message.role === "system")?.content).toContain(
      "call the offer_contact_form tool",
    );

    // With the form off the tool is not there to call, and a call anyway offers nothing.
    const off = await askJson(offBot.id, "Is there a way to book some time with Ada?");
    expect(off.contact_offered).toBe(false);
    const offCall = model.doGenerateCalls[1];
    expect(offCall.tools?.map((tool) => tool.name)).toEqual(["report_outcome"]);
    expect(offCall.prompt.find((message) => message.role === "system")?.content).toContain(
      "reads the conversations on this page",
    );
    expect((await stored(off.message_id)).contact_offered).toBe(false);
  });

  it("offers the form under a real model's unanswered report without a call", async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async (): Promise<LanguageModelV4GenerateResult> => ({
        content: [{ type: "text", text: "Ada's profile doesn't say." }, reportCall("unanswered")],
        finishReason: finished("tool-calls"),
        usage,
        warnings: [],
      }),
    });
    setLanguageModelForTests(() => ({ model, label: "openai:mock" }));
    expect((await askJson(bot.id, "Does Ada keep bees?")).contact_offered).toBe(true);
    expect((await askJson(offBot.id, "Does Ada keep bees?")).contact_offered).toBe(false);
  });

  it("finishes a stream whose model calls its tools after writing the answer", async () => {
    // A pull that only met tool parts (kept from the visitor) used to enqueue nothing and stall.
    const model = new MockLanguageModelV4({
      doStream: async () => ({
        stream: simulateReadableStream<LanguageModelV4StreamPart>({
          chunks: [
            { type: "stream-start", warnings: [] },
            { type: "text-start", id: "t1" },
            { type: "text-delta", id: "t1", delta: "Ada's profile " },
            { type: "text-delta", id: "t1", delta: "doesn't say." },
            { type: "text-end", id: "t1" },
            reportCall("unanswered"),
            offerCall(),
            { type: "finish", finishReason: finished("tool-calls"), usage },
          ],
        }),
      }),
    });
    setLanguageModelForTests(() => ({ model, label: "openai:mock" }));
    const response = await ask(bot.id, "Does Ada keep bees?", true);
    const chunks = await Promise.race([
      readUiStream(response),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the stream stalled")), 5_000)),
    ]);
    expect(chunks.at(-1)).toMatchObject({ type: "finish", messageMetadata: { contact_offered: true } });
    expect(model.doStreamCalls).toHaveLength(1);
    const messageId = String(chunks.find((chunk) => chunk.messageMetadata?.message_id)?.messageMetadata?.message_id);
    expect(await stored(messageId)).toEqual({ contact_offered: true, outcome: "unanswered" });
  });

  it("keeps a streaming real model's offer_contact_form call out of the stream and sends the offer", async () => {
    const steps: LanguageModelV4StreamPart[][] = [
      [
        { type: "stream-start", warnings: [] },
        { type: "tool-input-start", id: "c1", toolName: "offer_contact_form" },
        { type: "tool-input-delta", id: "c1", delta: "{}" },
        { type: "tool-input-end", id: "c1" },
        offerCall("c1"),
        { type: "finish", finishReason: finished("tool-calls"), usage },
      ],
      [
        { type: "stream-start", warnings: [] },
        { type: "text-start", id: "t1" },
        { type: "text-delta", id: "t1", delta: "Leave your details below " },
        { type: "text-delta", id: "t1", delta: "and Ada will write back." },
        { type: "text-end", id: "t1" },
        { type: "finish", finishReason: finished("stop"), usage },
      ],
    ];
    let call = 0;
    const model = new MockLanguageModelV4({
      doStream: async () => ({ stream: simulateReadableStream({ chunks: steps[call++] ?? [] }) }),
    });
    setLanguageModelForTests(() => ({ model, label: "openai:mock" }));
    const chunks = await readUiStream(await ask(bot.id, "Could Ada ring me tomorrow?", true));
    expect(JSON.stringify(chunks)).not.toContain("offer_contact_form");
    expect(chunks.map((chunk) => (chunk.type === "text-delta" ? chunk.delta : "")).join("")).toBe(
      "Leave your details below and Ada will write back.",
    );
    expect(chunks.find((chunk) => chunk.type === "finish")?.messageMetadata).toEqual({ contact_offered: true });
    const messageId = String(chunks.find((chunk) => chunk.messageMetadata?.message_id)?.messageMetadata?.message_id);
    expect((await stored(messageId)).contact_offered).toBe(true);
  });
});
