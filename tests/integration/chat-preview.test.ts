import { afterEach, beforeAll, expect, it } from "vitest";
import { GET as listMessages } from "@/app/api/chatbots/[id]/messages/route";
import { setLanguageModelForTests } from "@/lib/ai/models";
import { type SignedUpOwner, setEnv, signUpOwners, TEST_ORIGIN } from "../support/auth";
import { insertBotWithProfile, postChat, scriptedModel } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("previewing a bot from the dashboard (POST /api/chat with preview)", (db) => {
  let [alice, bob] = [] as SignedUpOwner[];
  let bot: { id: string; slug: string };
  beforeAll(async () => {
    [alice, bob] = await signUpOwners(2);
    bot = await insertBotWithProfile(
      db(),
      { id: alice.userId },
      {
        isPublic: false,
        configuration: { tone: "friendly", instructions: "Stored guidance." },
      },
    );
  });
  afterEach(() => {
    setLanguageModelForTests(undefined);
    setEnv({ OWNER_MONTHLY_MESSAGES: undefined });
  });

  const preview = (headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
    postChat({ message: "Who are you?", visitor_id: "preview", chatbot_id: bot.id, preview: {}, ...extra }, headers);

  it("answers only the bot's owner: 401 without credentials, 404 for another owner", async () => {
    expect((await preview({})).status).toBe(401);
    expect((await preview(bob.bearer)).status).toBe(404);
  });

  it("answers with the editor's unsaved settings over the stored ones, for that turn only", async () => {
    const model = scriptedModel(["Hello from the preview."]);
    setLanguageModelForTests(() => ({ model, label: "openai:mock" }));
    const response = await preview(alice.bearer, { preview: { tone: "concise", instructions: "Unsaved guidance." } });
    expect(response.status).toBe(200);
    const instructions = JSON.stringify(model.doGenerateCalls[0].prompt[0]);
    expect(instructions).toContain("Unsaved guidance.");
    expect(instructions).toContain("Tone: concise");
    expect(instructions).not.toContain("Stored guidance.");
    const [stored] = await db().query<{ configuration: Record<string, unknown> }>(
      "select configuration from chatbots where id = $1",
      [bot.id],
    );
    expect(stored.configuration).toMatchObject({ tone: "friendly", instructions: "Stored guidance." });
  });

  it("remembers the preview conversation, stores no visitor and keeps it out of the inbox", async () => {
    const first = await (await preview(alice.bearer)).json();
    const second = await (await preview(alice.bearer, { conversation_id: first.conversation_id })).json();
    expect(second.conversation_id).toBe(first.conversation_id);
    const rows = await db().query<{ is_preview: boolean; visitor_id: string | null; is_read: boolean }>(
      "select is_preview, visitor_id, is_read from messages where id = any($1)",
      [[first.message_id, second.message_id]],
    );
    expect(rows).toEqual([
      { is_preview: true, visitor_id: null, is_read: true },
      { is_preview: true, visitor_id: null, is_read: true },
    ]);
    const inbox = await listMessages(
      new Request(`${TEST_ORIGIN}/api/chatbots/${bot.id}/messages`, { headers: alice.bearer }),
      { params: Promise.resolve({ id: bot.id }) },
    );
    const ids = ((await inbox.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    expect(ids).not.toContain(first.message_id);
  });

  it("counts toward the owner's monthly quota", async () => {
    const [{ used }] = await db().query<{ used: number }>(
      "select count(*)::int as used from messages m join chatbots c on c.id = m.chatbot_id where c.user_id = $1",
      [alice.userId],
    );
    setEnv({ OWNER_MONTHLY_MESSAGES: String(used + 1) });
    expect((await preview(alice.bearer)).status).toBe(200);
    expect((await preview(alice.bearer)).status).toBe(429);
  });
});
