import { describe, expect, it } from "vitest";
import type { ResponseSpec } from "@/lib/api/endpoint";
import { endpoints } from "@/lib/api/endpoints";
import { keyCallable, NOT_TOOLS, toolInputSchema } from "@/lib/mcp/owner-tools";
import { routesOnDisk } from "../support/api-routes";
import { jsonRequest, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { mcpClientInProcess } from "../support/mcp-client";

// The owner's MCP tools are the API's key-callable operations: each one is a tool or says here
// why not, and a tool runs through its operation's route handler, so the two cannot drift.

const tools = endpoints.filter((endpoint) => keyCallable(endpoint) && !(endpoint.operationId in NOT_TOOLS));

describe("the owner's MCP tools", () => {
  it("make every key-callable operation a tool, or state why not", () => {
    const callable = endpoints.filter(keyCallable).map((endpoint) => endpoint.operationId);
    expect(tools.length).toBeGreaterThan(20);
    expect(callable.filter((id) => !tools.some((tool) => tool.operationId === id) && !NOT_TOOLS[id])).toEqual([]);
    // A reason for an operation that is gone, or that no key may call, is stale.
    expect(Object.keys(NOT_TOOLS).filter((id) => !callable.includes(id))).toEqual([]);
  });

  it("are only operations that fit a JSON tool call: a JSON body in, JSON (or nothing) out", () => {
    // An operation that takes a file, or can only answer one (a stream, a CSV), needs a reason in
    // NOT_TOOLS; one that answers JSON unless asked otherwise (listContacts' format=csv) is a tool.
    const canAnswerJson = (response: ResponseSpec) => response.body !== undefined || response.contentType === undefined;
    const misfits = tools.filter(
      (tool) => tool.body?.multipart !== undefined || !Object.values(tool.responses).every(canAnswerJson),
    );
    expect(misfits.map((tool) => tool.operationId)).toEqual([]);
  });

  it("are each served by a route handler carrying its declaration", async () => {
    const served = (await routesOnDisk()).map((route) => route.handler.endpoint);
    expect(tools.filter((tool) => !served.includes(tool))).toEqual([]);
  });

  it("take the path and query parameters by name and the body as `body`, without a clash", () => {
    for (const tool of tools) {
      const schema = toolInputSchema(tool) as { type: string; properties: Record<string, unknown> };
      expect(schema.type, tool.operationId).toBe("object");
      const names = [
        ...Object.keys(tool.params?.shape ?? {}),
        ...Object.keys(tool.query?.shape ?? {}),
        ...(tool.body ? ["body"] : []),
      ];
      expect(new Set(names).size, `${tool.operationId}: ${names.join(", ")}`).toBe(names.length);
      expect(Object.keys(schema.properties).sort(), tool.operationId).toEqual([...names].sort());
    }
  });
});

describeEachDatabase("the owner's MCP server, in-process", () => {
  it("lists the tools and runs one as its operation, errors included", async () => {
    const owner = await signUpOwner();
    const { POST } = await import("@/app/api/mcp/route");
    const client = await mcpClientInProcess(`${TEST_ORIGIN}/api/mcp`, POST, owner.bearer);
    const { tools: listed } = await client.listTools();
    expect(listed.map((tool) => tool.name).sort()).toEqual(tools.map((tool) => tool.operationId).sort());

    const created = await client.callTool({ name: "createChatbot", arguments: { body: { name: "Tool bot" } } });
    expect(created.isError).toBeFalsy();
    const bot = (created.structuredContent as { status: number; body: { id: string } }).body;
    expect((created.structuredContent as { status: number }).status).toBe(201);
    const read = await client.callTool({ name: "getChatbot", arguments: { id: bot.id } });
    expect((read.structuredContent as { body: { name: string } }).body.name).toBe("Tool bot");
    // The operation's own validation and errors, as its HTTP request would get them.
    const invalid = await client.callTool({ name: "createChatbot", arguments: { body: { name: "" } } });
    expect(invalid.isError).toBe(true);
    expect((invalid.structuredContent as { status: number }).status).toBe(400);
    const missing = await client.callTool({ name: "getChatbot", arguments: { id: "not-a-uuid" } });
    expect((missing.structuredContent as { status: number }).status).toBe(404);
    const stray = await client.callTool({ name: "listChatbots", arguments: { nonsense: 1 } });
    expect(stray.isError).toBe(true);
    await client.close();
  });

  it("shows a read key only the tools of GET operations, and runs no other", async () => {
    const owner = await signUpOwner();
    const { POST: createKey } = await import("@/app/api/keys/route");
    const created = await createKey(
      jsonRequest("/api/keys", { name: "assistant", scope: "read" }, { headers: owner.bearer }),
    );
    const { key } = (await created.json()) as { key: string };
    const { POST } = await import("@/app/api/mcp/route");
    const client = await mcpClientInProcess(`${TEST_ORIGIN}/api/mcp`, POST, { Authorization: `Bearer ${key}` });
    const { tools: listed } = await client.listTools();
    const reads = tools.filter((tool) => tool.method === "get").map((tool) => tool.operationId);
    expect(listed.map((tool) => tool.name).sort()).toEqual(reads.sort());
    expect((await client.callTool({ name: "listChatbots", arguments: {} })).isError).toBeFalsy();
    // A write tool it wasn't shown is refused as unknown, and changes nothing.
    await expect(client.callTool({ name: "createChatbot", arguments: { body: { name: "Sneaky" } } })).rejects.toThrow(
      /No tool is named createChatbot/,
    );
    const listedBots = await client.callTool({ name: "listChatbots", arguments: {} });
    expect(JSON.stringify(listedBots.structuredContent)).not.toContain("Sneaky");
    await client.close();
  });

  it("refuses a browser session and anyone without credentials", async () => {
    const owner = await signUpOwner();
    const { POST } = await import("@/app/api/mcp/route");
    const body = { jsonrpc: "2.0", id: 1, method: "tools/list" };
    const accept = { accept: "application/json, text/event-stream" };
    expect((await POST(jsonRequest("/api/mcp", body, { headers: accept }))).status).toBe(401);
    const session = { ...accept, cookie: owner.cookie, origin: TEST_ORIGIN };
    expect((await POST(jsonRequest("/api/mcp", body, { headers: session }))).status).toBe(403);
  });
});
