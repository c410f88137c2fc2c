import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { ActionInput, RegisteredAction } from "@/lib/http/action";
import { idleFormState } from "@/lib/http/form-state";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { addQuestionAndAnswerAction, deleteKnowledgeAction, uploadDocumentAction } from "@/lib/knowledge/actions";
import { answerQuestionAction, dismissQuestionAction, improveAnswerAction } from "@/lib/questions/actions";
import { listWaitingQuestions } from "@/lib/questions/use-cases";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

// Knowledge items through the API, and the offline model answering from them: a Q&A given as
// written when asked in other words, and the sentence of a note that answers.

async function api(method: string, path: string, who: SignedUpOwner | null, body?: unknown) {
  const headers = who ? who.bearer : {};
  const request =
    body === undefined
      ? new Request(`${TEST_ORIGIN}${path}`, { method, headers })
      : jsonRequest(path, body, { method, headers });
  const id = /\/api\/knowledge\/([^/?]+)/.exec(path)?.[1];
  const module = id ? await import("@/app/api/knowledge/[id]/route") : await import("@/app/api/knowledge/route");
  const handler = (module as unknown as Record<string, (r: Request, s: unknown) => Promise<Response>>)[method];
  return handler(request, { params: Promise.resolve(id ? { id } : {}) });
}

describeEachDatabase("knowledge", () => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let chatbotId: string;
  let otherChatbotId: string;

  async function ask(botId: string, message: string): Promise<string> {
    const { POST } = await import("@/app/api/chat/route");
    const response = await POST(
      jsonRequest("/api/chat", { chatbot_id: botId, visitor_id: `kn-${randomUUID()}`, message }),
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { response: string }).response;
  }

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
    const { POST: createBot } = await import("@/app/api/chatbots/route");
    const { PUT: putProfile } = await import("@/app/api/profile/route");
    for (const [who, name] of [
      [owner, "Rosa Park"],
      [other, "Otto Brand"],
    ] as const) {
      await putProfile(
        jsonRequest(
          "/api/profile",
          { name, bio: "An engineer.", skills: "Go and SQL.", experience: "", interests: "" },
          { method: "PUT", headers: who.bearer },
        ),
      );
    }
    const bot = async (who: SignedUpOwner) =>
      (
        (await (await createBot(jsonRequest("/api/chatbots", { name: "Ask" }, { headers: who.bearer }))).json()) as {
          id: string;
        }
      ).id;
    chatbotId = await bot(owner);
    otherChatbotId = await bot(other);
  });

  it("adds, reads, replaces and deletes items; another owner sees none of them", async () => {
    const created = await api("POST", "/api/knowledge", owner, { kind: "note", title: "Draft", body: "First words." });
    expect(created.status).toBe(201);
    const item = (await created.json()) as { id: string; kind: string; title: string };
    expect(item).toMatchObject({ kind: "note", title: "Draft" });
    expect((await api("GET", `/api/knowledge/${item.id}`, other)).status).toBe(404);
    expect((await api("PUT", `/api/knowledge/${item.id}`, other, { kind: "note", title: "X", body: "Y" })).status).toBe(
      404,
    );
    expect((await api("DELETE", `/api/knowledge/${item.id}`, other)).status).toBe(404);
    const listed = (await (await api("GET", "/api/knowledge", other)).json()) as { items: unknown[] };
    expect(listed.items).toEqual([]);
    const replaced = await api("PUT", `/api/knowledge/${item.id}`, owner, {
      kind: "note",
      title: "Final",
      body: "Last.",
    });
    expect(((await replaced.json()) as { title: string }).title).toBe("Final");
    expect((await api("DELETE", `/api/knowledge/${item.id}`, owner)).status).toBe(204);
    expect((await api("GET", `/api/knowledge/${item.id}`, owner)).status).toBe(404);
  });

  it("refuses malformed items with field errors", async () => {
    const response = await api("POST", "/api/knowledge", owner, { kind: "qa", question: "", answer: "x" });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { details: Array<{ path: string }> } };
    expect(error.details.map((detail) => detail.path)).toEqual(["question"]);
    expect((await api("POST", "/api/knowledge", owner, { kind: "poem", title: "x" })).status).toBe(400);
    expect((await api("GET", "/api/knowledge", null)).status).toBe(401);
  });

  it("answers with a Q&A as written, asked in other words, and only on the owner's bots", async () => {
    const answer = "Yes: Rosa would relocate to Berlin or Lisbon for the right team.";
    await api("POST", "/api/knowledge", owner, {
      kind: "qa",
      question: "Is she open to relocation?",
      answer,
      alternatives: ["Would she consider another country?"],
    });
    expect(await ask(chatbotId, "Would Rosa relocate?")).toBe(answer);
    // "move" shares no word with the question, but is a listed synonym of "relocate".
    expect(await ask(chatbotId, "Would she move for a job?")).toBe(answer);
    expect(await ask(otherChatbotId, "Would Otto relocate?")).not.toContain("Berlin");
  });

  it("quotes the sentence of a note that answers, where the profile has nothing", async () => {
    await api("POST", "/api/knowledge", owner, {
      kind: "note",
      title: "Career",
      body: "Rosa spent five years at Northwind as a lead engineer.\n\nShe plays the cello on weekends.",
    });
    const reply = await ask(chatbotId, "How long was she at Northwind?");
    expect(reply).toContain("Rosa spent five years at Northwind as a lead engineer.");
    expect(reply).not.toContain("cello");
    expect(await ask(chatbotId, "What is her favourite colour?")).toMatch(/don't know/);
  });
});

describeEachDatabase("the knowledge page's actions", () => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
  });

  async function call(action: RegisteredAction, who: SignedUpOwner, input: ActionInput) {
    const request = new Request(`${TEST_ORIGIN}/dashboard/knowledge`, {
      method: "POST",
      headers: { origin: TEST_ORIGIN, cookie: who.cookie },
    });
    const { result } = await runWithRequestForTests(request, () => action(idleFormState as never, input));
    return result as { status: string; code?: string; data?: { id: string }; message?: string };
  }

  it("uploads a Markdown document, refuses what it can't read, and deletes only the owner's items", async () => {
    const form = new FormData();
    form.set("file", new File(["# CV\n\nRosa led the Northwind payments team."], "cv.md", { type: "text/markdown" }));
    const uploaded = await call(uploadDocumentAction, owner, form);
    expect(uploaded.status).toBe("success");
    const id = uploaded.data?.id ?? "";

    const pdf = new FormData();
    pdf.set("file", new File(["%PDF-1.7"], "cv.pdf", { type: "application/pdf" }));
    expect(await call(uploadDocumentAction, owner, pdf)).toMatchObject({ status: "error", code: "unprocessable" });
    const binary = new FormData();
    binary.set("file", new File([new Uint8Array([0xff, 0xfe, 0x00, 0xd8])], "notes.txt"));
    expect(await call(uploadDocumentAction, owner, binary)).toMatchObject({
      status: "error",
      code: "validation_failed",
    });

    expect(await call(deleteKnowledgeAction, other, { id })).toMatchObject({ status: "error", code: "not_found" });
    expect((await api("GET", `/api/knowledge/${id}`, owner)).status).toBe(200);
    expect(await call(deleteKnowledgeAction, owner, { id })).toMatchObject({ status: "success" });
    expect((await api("GET", `/api/knowledge/${id}`, owner)).status).toBe(404);
  });

  it("adds a Q&A with other phrasings given one per line", async () => {
    const added = await call(addQuestionAndAnswerAction, owner, {
      question: "Do you freelance?",
      answer: "Yes, two days a week.",
      alternatives: "Are you available for contracts?\n\n  Can I hire you part-time?  ",
    });
    const item = (await (await api("GET", `/api/knowledge/${added.data?.id}`, owner)).json()) as {
      alternatives: string[];
    };
    expect(item.alternatives).toEqual(["Are you available for contracts?", "Can I hire you part-time?"]);
  });
});

describeEachDatabase("the answer loop", () => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let chatbotId: string;

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
    const { PUT: putProfile } = await import("@/app/api/profile/route");
    await putProfile(
      jsonRequest(
        "/api/profile",
        { name: "Mia Lund", bio: "A designer.", skills: "Figma.", experience: "", interests: "" },
        { method: "PUT", headers: owner.bearer },
      ),
    );
    const { POST: createBot } = await import("@/app/api/chatbots/route");
    const bot = await createBot(jsonRequest("/api/chatbots", { name: "Ask Mia" }, { headers: owner.bearer }));
    chatbotId = ((await bot.json()) as { id: string }).id;
  });

  async function ask(message: string): Promise<string> {
    const { POST } = await import("@/app/api/chat/route");
    const response = await POST(
      jsonRequest("/api/chat", { chatbot_id: chatbotId, visitor_id: `loop-${randomUUID()}`, message }),
    );
    return ((await response.json()) as { response: string }).response;
  }

  const queue = async (who: SignedUpOwner) =>
    listWaitingQuestions(
      {
        userId: who.userId,
        email: who.email,
        claims: { sub: who.userId, email: who.email, role: "authenticated" },
        via: "session",
      },
      { limit: 50 },
    );

  async function callAs(who: SignedUpOwner, run: RegisteredAction, input: Record<string, unknown>) {
    const request = new Request(`${TEST_ORIGIN}/dashboard/questions`, {
      method: "POST",
      headers: { origin: TEST_ORIGIN, cookie: who.cookie },
    });
    return (await runWithRequestForTests(request, () => run(idleFormState as never, input))).result as {
      status: string;
    };
  }

  it("queues what the bot couldn't answer, grouped; the owner answers once and the next visitor gets it", async () => {
    expect(await ask("Does Mia speak Danish?")).toMatch(/don't know/);
    expect(await ask("does mia speak danish")).toMatch(/don't know/);
    await ask("Hi!");
    const groups = await queue(owner);
    expect(groups).toEqual([expect.objectContaining({ question: "does mia speak danish", times: 2, visitors: 2 })]);
    expect(await queue(other)).toEqual([]);

    expect(
      (await callAs(owner, answerQuestionAction, { questions: groups[0].wordings, answer: "Yes, fluently." })).status,
    ).toBe("success");
    expect(await queue(owner)).toEqual([]);
    // Other words, one shared content word ("Danish"): the owner's answer, as written.
    expect(await ask("Is Danish one of her languages?")).toBe("Yes, fluently.");
  });

  it("lets the owner dismiss a question, which returns only if asked again", async () => {
    await ask("Does Mia own a sailboat?");
    expect((await queue(owner)).map((group) => group.question)).toEqual(["Does Mia own a sailboat?"]);
    expect((await callAs(owner, dismissQuestionAction, { questions: "does mia own a sailboat" })).status).toBe(
      "success",
    );
    expect(await queue(owner)).toEqual([]);
    await ask("Does Mia own a sailboat?");
    expect(await queue(owner)).toHaveLength(1);
    await callAs(owner, dismissQuestionAction, { questions: "Does Mia own a sailboat?" });
  });

  it("groups questions asked in other words, and the answer takes every wording", async () => {
    await ask("Would Mia relocate?");
    await ask("Would Mia relocate?");
    await ask("Is Mia open to moving?");
    await ask("Does Mia keep bees?");
    const groups = await queue(owner);
    expect(groups).toEqual([
      expect.objectContaining({
        question: "Would Mia relocate?",
        wordings: ["Would Mia relocate?", "Is Mia open to moving?"],
        times: 3,
        visitors: 3,
      }),
      expect.objectContaining({ question: "Does Mia keep bees?", wordings: ["Does Mia keep bees?"], times: 1 }),
    ]);

    const answered = await callAs(owner, answerQuestionAction, {
      questions: groups[0].wordings,
      answer: "Yes, to Copenhagen or Berlin.",
    });
    expect(answered.status).toBe("success");
    expect((await queue(owner)).map((group) => group.question)).toEqual(["Does Mia keep bees?"]);
    const { GET } = await import("@/app/api/knowledge/route");
    const listed = (await (
      await GET(new Request(`${TEST_ORIGIN}/api/knowledge`, { headers: owner.bearer }))
    ).json()) as {
      items: Array<{ title: string; alternatives: string[] }>;
    };
    expect(listed.items).toContainEqual(
      expect.objectContaining({ title: "Would Mia relocate?", alternatives: ["Is Mia open to moving?"] }),
    );
    // A synonym of a word of the second wording ("move" / "relocate").
    expect(await ask("Could Mia move abroad?")).toBe("Yes, to Copenhagen or Berlin.");
    // Another owner's action resolves nothing of this owner's.
    expect((await callAs(other, dismissQuestionAction, { questions: "Does Mia keep bees?" })).status).toBe("success");
    expect((await queue(owner)).map((group) => group.question)).toEqual(["Does Mia keep bees?"]);
    await callAs(owner, dismissQuestionAction, { questions: "Does Mia keep bees?" });
  });

  it("lets the owner improve any answer from the inbox; the next visitor gets it, improving again replaces it", async () => {
    const { POST } = await import("@/app/api/chat/route");
    const first = (await (
      await POST(
        jsonRequest("/api/chat", {
          chatbot_id: chatbotId,
          visitor_id: `loop-${randomUUID()}`,
          message: "Which tools does Mia use?",
        }),
      )
    ).json()) as { response: string; message_id: string };
    expect(first.response).toContain("Figma");

    const notTheirs = await callAs(other, improveAnswerAction, {
      message_id: first.message_id,
      answer: "Crayons.",
    });
    expect(notTheirs).toMatchObject({ status: "error" });
    expect(await ask("What tools does she use?")).not.toBe("Crayons.");

    const improved = await callAs(owner, improveAnswerAction, {
      message_id: first.message_id,
      answer: "Figma and Framer, and a pencil first.",
    });
    expect(improved.status).toBe("success");
    expect(await ask("What tools does she use?")).toBe("Figma and Framer, and a pencil first.");
    expect(
      (await callAs(owner, improveAnswerAction, { message_id: first.message_id, answer: "Figma, mostly." })).status,
    ).toBe("success");
    expect(await ask("Which tools does Mia use?")).toBe("Figma, mostly.");
    const { GET } = await import("@/app/api/knowledge/route");
    const listed = (await (
      await GET(new Request(`${TEST_ORIGIN}/api/knowledge`, { headers: owner.bearer }))
    ).json()) as {
      items: Array<{ title: string }>;
    };
    expect(listed.items.filter((item) => item.title === "Which tools does Mia use?")).toHaveLength(1);
    expect((await callAs(owner, improveAnswerAction, { message_id: randomUUID(), answer: "x" })).status).toBe("error");
  });
});

describeEachDatabase("a chatbot's own knowledge", () => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let recruiting: string;
  let everything: string;
  let noteId: string;
  let otherNoteId: string;

  const knowledgeRoute = () => import("@/app/api/chatbots/[id]/knowledge/route");

  async function setKnowledge(who: SignedUpOwner, botId: string, body: unknown) {
    const { PUT } = await knowledgeRoute();
    return PUT(jsonRequest(`/api/chatbots/${botId}/knowledge`, body, { method: "PUT", headers: who.bearer }), {
      params: Promise.resolve({ id: botId }),
    });
  }

  async function getKnowledge(who: SignedUpOwner, botId: string) {
    const { GET } = await knowledgeRoute();
    return GET(new Request(`${TEST_ORIGIN}/api/chatbots/${botId}/knowledge`, { headers: who.bearer }), {
      params: Promise.resolve({ id: botId }),
    });
  }

  async function ask(botId: string, message: string) {
    const { POST } = await import("@/app/api/chat/route");
    const response = await POST(
      jsonRequest("/api/chat", { chatbot_id: botId, visitor_id: `sub-${randomUUID()}`, message }),
    );
    return (await response.json()) as { response: string; sources: Array<{ kind: string; id?: string }> };
  }

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
    const { PUT: putProfile } = await import("@/app/api/profile/route");
    await putProfile(
      jsonRequest(
        "/api/profile",
        { name: "Ines Duarte", bio: "A product manager.", skills: "Roadmaps.", experience: "", interests: "" },
        { method: "PUT", headers: owner.bearer },
      ),
    );
    const { POST: createBot } = await import("@/app/api/chatbots/route");
    const bot = async (name: string) =>
      (
        (await (
          await createBot(
            jsonRequest("/api/chatbots", { name, configuration: { show_sources: true } }, { headers: owner.bearer }),
          )
        ).json()) as { id: string }
      ).id;
    recruiting = await bot("Ines for recruiters");
    everything = await bot("Ines, all of it");
    const note = async (who: SignedUpOwner, title: string, body: string) =>
      ((await (await api("POST", "/api/knowledge", who, { kind: "note", title, body })).json()) as { id: string }).id;
    noteId = await note(owner, "Pottery", "Ines throws stoneware pots on a kick wheel every weekend.");
    otherNoteId = await note(other, "Secret", "Nothing to see.");
  });

  it("answers from all of the owner's knowledge by default", async () => {
    expect(await (await getKnowledge(owner, recruiting)).json()).toEqual({ scope: "all", item_ids: [] });
    expect((await ask(recruiting, "Does Ines do pottery?")).response).toContain("stoneware");
  });

  it("answers only from the chosen items, and the other bots keep all of it", async () => {
    const chosen = await setKnowledge(owner, recruiting, { scope: "selected", item_ids: [] });
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toEqual({ scope: "selected", item_ids: [] });
    const narrowed = await ask(recruiting, "Does Ines do pottery?");
    expect(narrowed.response).not.toContain("stoneware");
    expect(narrowed.sources).toEqual([]);
    expect((await ask(everything, "Does Ines do pottery?")).response).toContain("stoneware");

    expect(await (await setKnowledge(owner, recruiting, { scope: "selected", item_ids: [noteId] })).json()).toEqual({
      scope: "selected",
      item_ids: [noteId],
    });
    expect((await ask(recruiting, "Does Ines do pottery?")).sources).toContainEqual(
      expect.objectContaining({ kind: "knowledge", id: noteId }),
    );
  });

  it("refuses another owner's items and hides the bot from another owner", async () => {
    const foreign = await setKnowledge(owner, recruiting, { scope: "selected", item_ids: [otherNoteId] });
    expect(foreign.status).toBe(400);
    expect(await foreign.json()).toMatchObject({
      error: { code: "validation_failed", details: [expect.objectContaining({ path: "item_ids" })] },
    });
    expect(await (await getKnowledge(owner, recruiting)).json()).toEqual({ scope: "selected", item_ids: [noteId] });
    expect((await setKnowledge(other, recruiting, { scope: "all", item_ids: [] })).status).toBe(404);
    expect((await getKnowledge(other, recruiting)).status).toBe(404);
    expect((await setKnowledge(owner, recruiting, { scope: "some", item_ids: ["nope"] })).status).toBe(400);
  });

  it("adds the owner's answer to an unanswered question to the subset of the bot that was asked", async () => {
    await setKnowledge(owner, recruiting, { scope: "selected", item_ids: [noteId] });
    const unanswered = await ask(recruiting, "Does Ines have a driving licence?");
    expect(unanswered.response).toMatch(/don't know/);
    const groups = await listWaitingQuestions(
      {
        userId: owner.userId,
        email: owner.email,
        claims: { sub: owner.userId, email: owner.email, role: "authenticated" },
        via: "session",
      },
      { limit: 50 },
    );
    const request = new Request(`${TEST_ORIGIN}/dashboard/questions`, {
      method: "POST",
      headers: { origin: TEST_ORIGIN, cookie: owner.cookie },
    });
    const { result } = await runWithRequestForTests(request, () =>
      answerQuestionAction(idleFormState as never, { questions: groups[0].wordings, answer: "Yes, a full licence." }),
    );
    expect(result).toMatchObject({ status: "success" });
    expect((await ask(recruiting, "Does Ines hold a driving licence?")).response).toBe("Yes, a full licence.");
    const subset = (await (await getKnowledge(owner, recruiting)).json()) as { item_ids: string[] };
    expect(subset.item_ids).toHaveLength(2);
    // Deleting an item takes it out of every subset.
    await api("DELETE", `/api/knowledge/${noteId}`, owner);
    expect(await (await getKnowledge(owner, recruiting)).json()).toEqual({
      scope: "selected",
      item_ids: subset.item_ids.filter((id) => id !== noteId),
    });
  });
});
