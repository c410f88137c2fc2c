import "server-only";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";

/**
 * Answers one MCP request with a server built for it alone. Stateless (no session id) and JSON
 * answers (no server-sent stream): nothing of the exchange outlives the request, so two servers on
 * one database answer a client alike, and a load balancer may send each POST anywhere. The body
 * was read and checked by route() already; the transport is handed it parsed.
 */
export async function serveMcp(server: Server | McpServer, request: Request, body: unknown): Promise<Response> {
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request, { parsedBody: body });
  } finally {
    await server.close();
  }
}
