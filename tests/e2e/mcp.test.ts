import { randomBytes, randomUUID } from "node:crypto";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningServer, startServer } from "@/scripts/next-server";
import { openTestDatabase, type TestDatabase } from "../support/databases";
import { call, signUpOverHttp } from "../support/http-client";
import { type AskAnswer, callOk, mcpClient } from "../support/mcp-client";

// The MCP servers on the production server, through the SDK's own client over HTTP: the owner's
// (a tool per API operation, Bearer API key) and a public bot's (ask it; its owner's profile).

interface Message {
  conversation_id: string;
  message: string;
  status: string;
  visitor: { visitor_id: string } | null;
}

const PROFILE = {
  name: "Ada Tool",
  location: "Lisbon",
  bio: "Ada builds integrations.",
  skills: "TypeScript, Postgres",
  experience: "Engineer at Example Corp since 2020.",
  interests: "Sailing",
};

/** An owner with an API key, a profile and a public and a private bot, all made through MCP tools. */
async function ownerThroughMcp(baseUrls: string[]) {
  const owner = await signUpOverHttp({ baseUrl: baseUrls[0] }, "mcp");
  const key = await call({ baseUrl: baseUrls[0] }, "/api/keys", { token: owner.token, body: { name: "Assistant" } });
  expect(key.status).toBe(201);
  const apiKey = ((await key.json()) as { key: string }).key;
  const client = await mcpClient(baseUrls, "/api/mcp", apiKey);
  await callOk(client, "putProfile", { body: PROFILE });
  const bot = async (isPublic: boolean) => {
    const slug = `mcp-${isPublic ? "public" : "private"}-${randomUUID().slice(0, 8)}`;
    const created = await callOk<{ status: number; body: { id: string } }>(client, "createChatbot", {
      body: { name: `Ada's ${slug}`, public_url_slug: slug, is_public: isPublic },
    });
    expect(created.status).toBe(201);
    return { slug, id: created.body.id };
  };
  return { client, publicBot: await bot(true), privateBot: await bot(false) };
}

async function inbox(client: Client, chatbotId: string): Promise<Message[]> {
  const page = await callOk<{ body: { items: Message[] } }>(client, "listMessages", { id: chatbotId, limit: 100 });
  return page.body.items;
}

const servers = [
  ["the embedded database", inject("embeddedBaseUrl")],
  ["PostgreSQL", inject("postgresBaseUrl")],
] as const;

describe.each(servers)("MCP on the production server on %s", (_name, baseUrl) => {
  it.skipIf(!baseUrl)(
    "serves the owner's tools, a public bot's ask and profile, and keeps visitors apart",
    async () => {
      const base = [baseUrl as string];
      const { client, publicBot, privateBot } = await ownerThroughMcp(base);

      const { tools } = await client.listTools();
      const names = tools.map((tool) => tool.name);
      expect(names).toEqual(expect.arrayContaining(["listChatbots", "getProfile", "createChatbot", "listMessages"]));
      expect(names).not.toContain("uploadKnowledgeDocument");
      expect(tools.find((tool) => tool.name === "getChatbot")?.inputSchema.required).toEqual(["id"]);
      const listed = await callOk<{ body: { id: string }[] }>(client, "listChatbots");
      expect(listed.body.map((bot) => bot.id).sort()).toEqual([publicBot.id, privateBot.id].sort());
      expect((await callOk<{ body: { name: string } }>(client, "getProfile")).body.name).toBe("Ada Tool");

      const visitor = await mcpClient(base, `/api/mcp/bots/${publicBot.slug}`);
      expect((await visitor.listTools()).tools.map((tool) => tool.name)).toEqual(["ask"]);
      const [resource] = (await visitor.listResources()).resources;
      const [content] = (await visitor.readResource({ uri: resource.uri })).contents;
      expect(JSON.parse((content as { text: string }).text)).toMatchObject({ name: "Ada Tool", location: "Lisbon" });

      const first = await callOk<AskAnswer>(visitor, "ask", { message: "Where does Ada work?" });
      expect(first.answer).toContain("Example Corp");
      expect(first.visitor).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{22}$/);
      const followUp = await callOk<AskAnswer>(visitor, "ask", {
        message: "What are her skills?",
        visitor: first.visitor,
        conversation_id: first.conversation_id,
      });
      expect(followUp.conversation_id).toBe(first.conversation_id);

      // Another visitor naming the conversation starts one of their own; a visitor this server
      // never signed is refused.
      const stranger = await callOk<AskAnswer>(visitor, "ask", {
        message: "Hello?",
        conversation_id: first.conversation_id,
      });
      expect(stranger.conversation_id).not.toBe(first.conversation_id);
      expect(stranger.visitor).not.toBe(first.visitor);
      const forged = (await visitor.callTool({
        name: "ask",
        arguments: { message: "Hi", visitor: `${first.visitor.split(".")[0]}.${"A".repeat(22)}` },
      })) as CallToolResult;
      expect(forged.isError).toBe(true);

      // The owner's inbox shows the conversation, both turns answered, from an MCP visitor.
      const turns = (await inbox(client, publicBot.id)).filter((m) => m.conversation_id === first.conversation_id);
      expect(turns.map((m) => [m.message, m.status]).sort()).toEqual([
        ["What are her skills?", "answered"],
        ["Where does Ada work?", "answered"],
      ]);
      const visitorId = turns[0].visitor?.visitor_id ?? "";
      expect(visitorId).toMatch(/^mcp-[0-9a-f]{32}$/);
      // The chat API won't take an MCP visitor's id: it is the signed visitor's alone.
      const posing = await call({ baseUrl: base[0] }, "/api/chat", {
        body: { chatbot_slug: publicBot.slug, visitor_id: visitorId, message: "Let me in" },
      });
      expect(posing.status).toBe(403);

      // A private bot is no server at all, nor is a slug that names nothing.
      for (const slug of [privateBot.slug, "no-such-bot"]) {
        await expect(mcpClient(base, `/api/mcp/bots/${slug}`), slug).rejects.toThrow(/404|not found/i);
      }
      // No Bearer, no owner's server.
      await expect(mcpClient(base, "/api/mcp")).rejects.toThrow(/401|unauthorized/i);
      await Promise.all([client.close(), visitor.close()]);
    },
  );
});

const template = inject("postgresTemplate");

describe.skipIf(!template)("MCP across two production servers on one database (needs TEST_DATABASE_URL)", () => {
  let database: TestDatabase;
  const running: RunningServer[] = [];

  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    const env = { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("hex") };
    // One after the other: two start-ups at once on a shared 2-core machine only slow both.
    running.push(await startServer(env));
    running.push(await startServer(env));
  });

  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    await database?.dispose();
  });

  it("answers each request on whichever server it reaches, as one server would", async () => {
    const both = running.map((server) => server.baseUrl);
    // Every request alternates between the servers: initialize on one, the next call on the other.
    const { client, publicBot } = await ownerThroughMcp(both);
    const listed = await callOk<{ body: { id: string }[] }>(client, "listChatbots");
    expect(listed.body.map((bot) => bot.id)).toContain(publicBot.id);

    const visitor = await mcpClient(both, `/api/mcp/bots/${publicBot.slug}`);
    const first = await callOk<AskAnswer>(visitor, "ask", { message: "Where does Ada work?" });
    const followUp = await callOk<AskAnswer>(visitor, "ask", {
      message: "Where is she based?",
      visitor: first.visitor,
      conversation_id: first.conversation_id,
    });
    const again = await callOk<AskAnswer>(visitor, "ask", {
      message: "What does she do for fun?",
      visitor: first.visitor,
      conversation_id: first.conversation_id,
    });
    expect(new Set([first, followUp, again].map((answer) => answer.conversation_id)).size).toBe(1);
    const turns = (await inbox(client, publicBot.id)).filter((m) => m.conversation_id === first.conversation_id);
    expect(turns).toHaveLength(3);
    expect(new Set(turns.map((m) => m.visitor?.visitor_id)).size).toBe(1);
    await Promise.all([client.close(), visitor.close()]);
  });
});
