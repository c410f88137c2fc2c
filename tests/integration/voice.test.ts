import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, expect, it } from "vitest";
import { setLanguageModelForTests } from "@/lib/ai/models";
import { jsonRequest, type SignedUpOwner, signUpOwner } from "../support/auth";
import { postChat, scriptedModel } from "../support/chat";
import { describeEachDatabase } from "../support/databases";
import { ADA } from "../support/profiles";

// A bot's voice, set through the API and followed by both kinds of model: a real one is told it in
// its instructions (seen here through the AI SDK's mock model), the offline one speaks it.

describeEachDatabase("chatbot voice", () => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let botId: string;

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
    const { PUT: putProfile } = await import("@/app/api/profile/route");
    expect((await putProfile(jsonRequest("/api/profile", ADA, { method: "PUT", headers: owner.bearer }))).status).toBe(
      200,
    );
    const { POST: createBot } = await import("@/app/api/chatbots/route");
    const created = await createBot(jsonRequest("/api/chatbots", { name: "Ask Ada" }, { headers: owner.bearer }));
    expect(created.status).toBe(201);
    const bot = (await created.json()) as { id: string; configuration: { voice: string } };
    expect(bot.configuration.voice).toBe("assistant");
    botId = bot.id;
  });
  afterEach(() => setLanguageModelForTests(undefined));

  async function setVoice(who: SignedUpOwner, voice: unknown): Promise<Response> {
    const { PATCH } = await import("@/app/api/chatbots/[id]/route");
    return PATCH(
      jsonRequest(`/api/chatbots/${botId}`, { configuration: { voice } }, { method: "PATCH", headers: who.bearer }),
      { params: Promise.resolve({ id: botId }) },
    );
  }

  const ask = async (message: string) =>
    (await (await postChat({ chatbot_id: botId, visitor_id: `voice-${randomUUID()}`, message })).json()) as {
      response: string;
    };

  async function instructionsGiven(): Promise<string> {
    const model = scriptedModel(["ok"]);
    setLanguageModelForTests(() => ({ model, label: "openai:mock" }));
    await ask("Where is she based?");
    setLanguageModelForTests(undefined);
    const [system] = model.doGenerateCalls[0].prompt;
    expect(system.role).toBe("system");
    return system.role === "system" ? system.content : "";
  }

  it("speaks as the owner's assistant by default, for both models", async () => {
    expect((await ask("Where is she based?")).response).toBe("Ada is based in Lisbon, Portugal.");
    const instructions = await instructionsGiven();
    expect(instructions).toContain("Speak about Ada Lovelace in the third person, by name");
    expect(instructions).not.toContain("in the first person");
  });

  it("speaks as the owner in the first person once the owner chooses it, and only the owner can", async () => {
    const refused = await setVoice(other, "first_person");
    expect(refused.status).toBe(404);
    expect((await ask("Where is she based?")).response).toBe("Ada is based in Lisbon, Portugal.");

    expect((await setVoice(owner, "narrator")).status).toBe(400);
    expect((await setVoice(owner, "first_person")).status).toBe(200);
    expect((await ask("Where is she based?")).response).toBe("I'm based in Lisbon, Portugal.");
    expect((await ask("hi")).response).toBe(
      "Hi! I'm Ada Lovelace. I can tell you about my location, background, skills, experience and interests. What would you like to know?",
    );
    const instructions = await instructionsGiven();
    expect(instructions).toContain("Speak as Ada Lovelace, in the first person");
    expect(instructions).not.toContain("third person");

    // null restores the default.
    expect((await setVoice(owner, null)).status).toBe(200);
    expect((await ask("Where is she based?")).response).toBe("Ada is based in Lisbon, Portugal.");
  });
});
