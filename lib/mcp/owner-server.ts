import "server-only";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Endpoint } from "@/lib/api/endpoint";
import type { Caller } from "@/lib/auth";
import { callOperation, describeTool, type ServedHandler, toolOperations } from "./owner-tools";

/**
 * The app's route modules, as `import.meta.glob` gives them to app/api/mcp/route.ts: lib/ never
 * imports app/, so the route handlers (thin: parse, one use case, answer) reach the MCP server
 * from there, and a route file added later is among them without a line changed.
 */
export type RouteModules = Record<string, () => Promise<Record<string, unknown>>>;

let served: Promise<Map<Endpoint, ServedHandler>> | null = null;

/** Each declaration's route handler, found by the declaration route() keeps on it; loaded once. */
export function servedHandlers(modules: RouteModules): Promise<Map<Endpoint, ServedHandler>> {
  served ??= Promise.all(Object.values(modules).map((load) => load())).then((loaded) => {
    const byEndpoint = new Map<Endpoint, ServedHandler>();
    for (const exported of loaded.flatMap((module) => Object.values(module))) {
      if (typeof exported === "function" && "endpoint" in exported)
        byEndpoint.set(exported.endpoint as Endpoint, exported as ServedHandler);
    }
    return byEndpoint;
  });
  // A module that failed to load is tried again on the next call, not remembered as missing.
  served.catch(() => {
    served = null;
  });
  return served;
}

/** The owner's MCP server for one request: their tools, each run as its operation. */
export function ownerServer(caller: Caller, request: Request, modules: RouteModules): Server {
  const server = new Server({ name: "chatfolio", version: "1.0.0" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: toolOperations(caller).map(describeTool) }));
  server.setRequestHandler(CallToolRequestSchema, async ({ params }) => {
    const endpoint = toolOperations(caller).find((operation) => operation.operationId === params.name);
    if (!endpoint) throw new McpError(ErrorCode.InvalidParams, `No tool is named ${params.name}.`);
    const handler = (await servedHandlers(modules)).get(endpoint);
    if (!handler) throw new McpError(ErrorCode.InternalError, `${params.name} is declared but not served.`);
    return callOperation(endpoint, handler, params.arguments ?? {}, request);
  });
  return server;
}
