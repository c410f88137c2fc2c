import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect } from "vitest";

// The MCP SDK's own client over HTTP, as an assistant (Claude Desktop, an IDE) connects.

/**
 * A connected client. With several base URLs, each HTTP request goes to the next one in turn, as
 * a load balancer in front of several servers would send them.
 */
export async function mcpClient(baseUrls: string[], path: string, token?: string): Promise<Client> {
  let next = 0;
  const client = new Client({ name: "chatfolio-e2e", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${baseUrls[0]}${path}`), {
    requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : {},
    fetch: (url, init) => {
      const target = new URL(url);
      target.host = new URL(baseUrls[next++ % baseUrls.length]).host;
      return fetch(target, { ...init, signal: AbortSignal.timeout(30_000) });
    },
  });
  await client.connect(transport);
  return client;
}

/** A connected client whose HTTP requests are answered by a route handler in-process. */
export async function mcpClientInProcess(
  url: string,
  handler: (request: Request) => Promise<Response>,
  headers: Record<string, string> = {},
): Promise<Client> {
  const client = new Client({ name: "chatfolio-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers },
    fetch: (input, init) => handler(new Request(input, init)),
  });
  await client.connect(transport);
  return client;
}

/** A tool call's structured answer, failing the test when the tool reported an error. */
export async function callOk<T>(client: Client, name: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError, `${name}: ${JSON.stringify(result.content)}`).toBeFalsy();
  return result.structuredContent as T;
}

export interface AskAnswer {
  answer: string;
  conversation_id: string;
  message_id: string;
  visitor: string;
}
