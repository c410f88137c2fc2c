import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningServer, startServer } from "@/scripts/next-server";
import { openTestDatabase, type TestDatabase } from "../support/databases";
import {
  OFFER_ANSWER,
  type OpenAICompatibleServer,
  startOpenAICompatibleServer,
} from "../support/openai-compatible-server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

// Faults a production server meets: a model that fails, hangs or breaks off mid-answer, and a
// database that goes away and comes back. Each against the real server process.

interface Owner {
  token: string;
  chatbotId: string;
  slug: string;
}

async function signUpOwnerWithBot(baseUrl: string): Promise<Owner> {
  const email = `faults-${randomUUID().slice(0, 8)}@example.test`;
  const password = "a long enough password";
  const signup = await fetch(`${baseUrl}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  expect(signup.status).toBe(201);
  const tokenResponse = await fetch(`${baseUrl}/api/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  const profile = await fetch(`${baseUrl}/api/profile`, {
    method: "PUT",
    headers,
    body: JSON.stringify({
      name: "Grace Faults",
      bio: "Writes compilers.",
      skills: "COBOL",
      experience: "Navy",
      interests: "Nanoseconds",
    }),
  });
  expect(profile.status).toBe(200);
  const slug = `faults-${randomUUID().slice(0, 8)}`;
  const created = await fetch(`${baseUrl}/api/chatbots`, {
    method: "POST",
    headers,
    body: JSON.stringify({ name: "Fault bot", public_url_slug: slug, is_public: true }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return { token, chatbotId: id, slug };
}

function chat(baseUrl: string, owner: Owner, message: string, stream = false): Promise<Response> {
  return fetch(`${baseUrl}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ chatbot_slug: owner.slug, visitor_id: `faults-${randomUUID()}`, message, stream }),
    signal: AbortSignal.timeout(20_000),
  });
}

async function loggedTurn(baseUrl: string, owner: Owner, message: string) {
  const response = await fetch(`${baseUrl}/api/chatbots/${owner.chatbotId}/messages?limit=100`, {
    headers: { authorization: `Bearer ${owner.token}` },
  });
  const { items } = (await response.json()) as {
    items: Array<{ message: string; status: string; response: string | null }>;
  };
  return items.find((row) => row.message === message);
}

describe("a model that fails, hangs or breaks off (local OpenAI-compatible stand-in)", () => {
  let model: OpenAICompatibleServer;
  let server: RunningServer;
  let baseUrl: string;
  let owner: Owner;

  beforeAll(async () => {
    model = await startOpenAICompatibleServer();
    server = await startServer({
      DATABASE_URL: "",
      PGLITE_DATA_DIR: "memory://",
      OPENAI_API_KEY: "sk-dummy-for-the-stand-in",
      OPENAI_BASE_URL: model.baseUrl,
      CHAT_MODEL: "stand-in-model",
      CHAT_MODEL_TIMEOUT_SECONDS: "2",
    });
    baseUrl = server.baseUrl;
    owner = await signUpOwnerWithBot(baseUrl);
  });

  afterAll(async () => {
    await server?.stop();
    await model?.close();
  });

  it("answers through the configured server, with the owner's profile in the instructions", async () => {
    const response = await chat(baseUrl, owner, "Who is this?");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response: string };
    expect(body.response).toMatch(/^Grounded: /);
    const system = model.requests.at(-1)?.messages.find((message) => message.role === "system");
    expect(JSON.stringify(system)).toContain("Grace Faults");
    expect((await loggedTurn(baseUrl, owner, "Who is this?"))?.status).toBe("answered");
  });

  it("says the assistant failed, and logs the turn as failed, when the model errors", async () => {
    const response = await chat(baseUrl, owner, "Please [fail] now");
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("model_error");
    expect((await loggedTurn(baseUrl, owner, "Please [fail] now"))?.status).toBe("failed");
  });

  it("gives up on a model that never answers within the configured timeout", async () => {
    const started = Date.now();
    const response = await chat(baseUrl, owner, "Please [hang] forever");
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("model_error");
    // Two tries (one retry) of a 2 s first-chunk timeout, well inside the 20 s the client waits.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await loggedTurn(baseUrl, owner, "Please [hang] forever"))?.status).toBe("failed");
  });

  it("ends a stream that breaks mid-answer with a coded error part, and keeps what was said", async () => {
    const response = await chat(baseUrl, owner, "Please [break] midway", true);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain("Half an ");
    const errorLine = text.split("\n").find((line) => line.includes('"type":"error"'));
    expect(errorLine).toBeDefined();
    expect(errorLine).toContain("model_error");
    const logged = await loggedTurn(baseUrl, owner, "Please [break] midway");
    expect(logged?.status).toBe("failed");
    expect(logged?.response).toContain("Half an answer");
  });

  it("offers the contact form when the model calls offer_contact_form, as JSON and in the stream", async () => {
    const json = await chat(baseUrl, owner, "Can I talk to Grace? [offer]");
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ response: OFFER_ANSWER, contact_offered: true });
    expect(model.requests.at(-1)?.tools?.map((tool) => tool.function.name)).toContain("offer_contact_form");

    const streamed = await chat(baseUrl, owner, "How do I reach Grace? [offer]", true);
    expect(streamed.status).toBe(200);
    const events = (await streamed.text())
      .split("\n\n")
      .map((event) => event.replace(/^data: /, "").trim())
      .filter((data) => data.startsWith("{"))
      .map((data) => JSON.parse(data) as { type: string; delta?: string; messageMetadata?: Record<string, unknown> });
    expect(events.map((event) => event.delta ?? "").join("")).toBe(OFFER_ANSWER);
    expect(events.find((event) => event.type === "finish")?.messageMetadata).toEqual({ contact_offered: true });
    expect(JSON.stringify(events)).not.toContain("offer_contact_form");

    // An answer without the call offers nothing.
    const plain = (await (await chat(baseUrl, owner, "Who is this?")).json()) as { contact_offered: boolean };
    expect(plain.contact_offered).toBe(false);
  });

  it("keeps answering after all of that", async () => {
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
    expect((await chat(baseUrl, owner, "Still there?")).status).toBe(200);
  });
});

describe.skipIf(!inject("postgresTemplate"))("PostgreSQL going away and coming back", () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let server: RunningServer;
  let baseUrl: string;
  let owner: Owner;

  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    const url = new URL(database.url ?? "");
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    server = await startServer({ DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(32).toString("hex") });
    baseUrl = server.baseUrl;
    owner = await signUpOwnerWithBot(baseUrl);
  });

  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await database?.dispose();
  });

  it("answers 503 within seconds while the database is away, and recovers by itself", async () => {
    expect((await chat(baseUrl, owner, "Before the outage")).status).toBe(200);
    await proxy.cut();

    const started = Date.now();
    const health = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
    expect(health.status).toBe(503);
    expect(((await health.json()) as { database: string }).database).toBe("down");
    const during = await chat(baseUrl, owner, "During the outage");
    expect(during.status).toBe(503);
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    const list = await fetch(`${baseUrl}/api/chatbots`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(list.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(6_000);

    await proxy.restore();
    const deadline = Date.now() + 15_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      recovered = (await fetch(`${baseUrl}/api/health`)).status === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(true);
    expect((await chat(baseUrl, owner, "After the outage")).status).toBe(200);
    expect((await loggedTurn(baseUrl, owner, "After the outage"))?.status).toBe("answered");
    expect(await loggedTurn(baseUrl, owner, "During the outage")).toBeUndefined();
  });
});
