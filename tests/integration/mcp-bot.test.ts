import { randomUUID } from "node:crypto";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { beforeAll, expect, it } from "vitest";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { type AskAnswer, callOk, mcpClientInProcess } from "../support/mcp-client";

// A public bot's MCP server, in-process: the chat's limits hold for its visitors, per visitor and
// per network, and a private bot is no server at all.

type Ask = { message: string; visitor?: string; conversation_id?: string };

describeEachDatabase("a public bot's MCP server", () => {
  let owner: SignedUpOwner;

  beforeAll(async () => {
    owner = await signUpOwner();
    const { PUT } = await import("@/app/api/profile/route");
    const profile = { name: "Ada Limits", bio: "B", skills: "Queues", experience: "Ops at Example", interests: "I" };
    await PUT(jsonRequest("/api/profile", profile, { method: "PUT", headers: owner.bearer }));
  });

  async function bot(body: Record<string, unknown>): Promise<string> {
    const { POST } = await import("@/app/api/chatbots/route");
    const slug = `mcp-bot-${randomUUID().slice(0, 8)}`;
    const response = await POST(
      jsonRequest("/api/chatbots", { name: "Limits", public_url_slug: slug, ...body }, { headers: owner.bearer }),
    );
    expect(response.status).toBe(201);
    return slug;
  }

  async function visitorAt(slug: string, ip: string): Promise<Client> {
    const { POST } = await import("@/app/api/mcp/bots/[slug]/route");
    return mcpClientInProcess(
      `${TEST_ORIGIN}/api/mcp/bots/${slug}`,
      (request) => POST(request, { params: Promise.resolve({ slug }) }),
      { "x-forwarded-for": ip },
    );
  }

  const ask = async (client: Client, args: Ask) =>
    (await client.callTool({ name: "ask", arguments: args })) as CallToolResult;
  const refusal = (result: CallToolResult) =>
    (result.structuredContent as { error: { code: string; message: string } }).error;

  it("holds the per-visitor limit for a signed visitor, and the per-network one across fresh visitors", async () => {
    // One message per visitor a day; a network may send five times that to one bot.
    const slug = await bot({ configuration: { rate_limit: { max_messages: 1, window_seconds: 86_400 } } });
    const client = await visitorAt(slug, "203.0.113.10");
    const first = await callOk<AskAnswer>(client, "ask", { message: "Where does Ada work?" });
    const again = await ask(client, { message: "And before?", visitor: first.visitor });
    expect(again.isError).toBe(true);
    expect(refusal(again).code).toBe("rate_limited");
    for (let fresh = 0; fresh < 4; fresh++) await callOk(client, "ask", { message: `Question ${fresh}?` });
    const sixth = await ask(client, { message: "One more from this network?" });
    expect(refusal(sixth).code).toBe("rate_limited");
    expect(refusal(sixth).message).toContain("network");
    const elsewhere = await visitorAt(slug, "198.51.100.20");
    await callOk(elsewhere, "ask", { message: "From another network?" });
    await Promise.all([client.close(), elsewhere.close()]);
  });

  it("answers 404 for a private bot, before any MCP exchange", async () => {
    const slug = await bot({ is_public: false });
    await expect(visitorAt(slug, "203.0.113.11")).rejects.toThrow(/404|not found/i);
  });
});
