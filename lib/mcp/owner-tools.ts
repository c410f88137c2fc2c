import "server-only";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import type { Endpoint } from "@/lib/api/endpoint";
import { endpoints } from "@/lib/api/endpoints";
import type { Caller } from "@/lib/auth";
import { scopeAllows, scopeNeeded } from "@/lib/auth/scopes";
import { type JsonSchema, toJsonSchema } from "@/lib/openapi/json-schema";

// The owner's MCP tools are the API's operations, read from their declarations: a tool is named
// by its operationId, described by its summary, takes the operation's own path, query and body
// schemas, and runs as that operation's HTTP request through its route handler. An operation added
// to lib/api/endpoints is a tool from then on; one that can't be a JSON tool call says why here.

/** Why a key-callable operation is not a tool (tests/integration/mcp-tools.test.ts reads this). */
export const NOT_TOOLS: Readonly<Record<string, string>> = {
  ownerMcp: "The MCP server itself.",
  chat: "A visitor's chat turn, streamed to the page: each public bot is an MCP server of its own (POST /api/mcp/bots/{slug}) whose `ask` tool is that turn.",
  uploadKnowledgeDocument: "A multipart/form-data file upload: a JSON tool call carries no file.",
  exportMessages:
    "A file download (CSV, or JSON as an attachment), streamed: listMessages pages the same turns as JSON.",
  exportAccount:
    "The whole account as one file attachment, streamed in batches: a download, not an answer an assistant reads.",
  changePassword: "Session-only: a Bearer credential is refused with 403 session_required.",
  changeEmail: "Session-only: a Bearer credential is refused with 403 session_required.",
  deleteAccount: "Session-only: a Bearer credential is refused with 403 session_required.",
};

/** Operations an API key or access token may call: every one not open to anyone. */
export const keyCallable = (endpoint: Endpoint): boolean => endpoint.auth !== "none";

/**
 * Whether this caller is shown, and may call, the tool of this operation: the single place a
 * caller's rights narrow the tool list. A `read` API key sees only the GET operations' tools, by
 * the rule route() applies to the operation itself (lib/auth/scopes.ts).
 */
export function toolAllowed(caller: Caller, endpoint: Endpoint): boolean {
  return scopeAllows(caller, scopeNeeded(endpoint));
}

/** The operations that are tools, for this caller. */
export function toolOperations(caller: Caller): Endpoint[] {
  return endpoints.filter(
    (endpoint) => keyCallable(endpoint) && !(endpoint.operationId in NOT_TOOLS) && toolAllowed(caller, endpoint),
  );
}

/**
 * A tool's arguments: the path's and the query's parameters by name, and the JSON body (when the
 * operation takes one) as `body`. Definitions a part refers to are gathered at the root, where
 * its `#/$defs/...` references look.
 */
export function toolInputSchema(endpoint: Endpoint): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const defs: Record<string, JsonSchema> = {};
  const take = (json: JsonSchema) => {
    const { $defs, ...rest } = json as JsonSchema & { $defs?: Record<string, JsonSchema> };
    Object.assign(defs, $defs);
    return rest;
  };
  for (const part of [endpoint.params, endpoint.query]) {
    if (!part) continue;
    const json = take(toJsonSchema(part, "input"));
    Object.assign(properties, json.properties);
    required.push(...((json.required ?? []) as string[]));
  }
  if (endpoint.body) {
    properties.body = take(toJsonSchema(endpoint.body.schema, "input"));
    required.push("body");
  }
  return {
    type: "object",
    properties,
    ...(required.length > 0 && { required }),
    additionalProperties: false,
    ...(Object.keys(defs).length > 0 && { $defs: defs }),
  };
}

// Declarations never change while the server runs: each tool is described (its schemas converted)
// once, not on every tools/list.
const described = new WeakMap<Endpoint, Tool>();

/** An operation as the tool an MCP client lists. */
export function describeTool(endpoint: Endpoint): Tool {
  let tool = described.get(endpoint);
  if (!tool) {
    tool = {
      name: endpoint.operationId,
      title: endpoint.summary,
      description: endpoint.description ? `${endpoint.summary}. ${endpoint.description}` : endpoint.summary,
      inputSchema: toolInputSchema(endpoint) as Tool["inputSchema"],
      annotations: {
        readOnlyHint: endpoint.method === "get",
        destructiveHint: endpoint.method === "delete",
        idempotentHint: endpoint.method !== "post",
        openWorldHint: false,
      },
    };
    described.set(endpoint, tool);
  }
  return tool;
}

/** A route handler as route() returns it: what Next calls, carrying the declaration it serves. */
export type ServedHandler = ((
  request: Request,
  segment: { params: Promise<Record<string, string>> },
) => Promise<Response>) & {
  endpoint: Endpoint;
};

// What the MCP request said about its client (who, from where, through which proxy) goes on to
// the operation's request; what described the MCP message itself does not.
const NOT_PASSED_ON = ["content-length", "content-type", "accept", "cookie", "mcp-session-id", "mcp-protocol-version"];

/**
 * Runs one tool as its operation's HTTP request, built from the arguments and handed to the
 * route handler in-process: the same authentication, validation, use case and errors as over
 * HTTP. The answer is the response's status and JSON body; an error status is a tool error.
 */
export async function callOperation(
  endpoint: Endpoint,
  handler: ServedHandler,
  args: Record<string, unknown>,
  mcpRequest: Request,
): Promise<CallToolResult> {
  const pathNames = Object.keys(endpoint.params?.shape ?? {});
  const queryNames = Object.keys(endpoint.query?.shape ?? {});
  const known = new Set([...pathNames, ...queryNames, ...(endpoint.body ? ["body"] : [])]);
  const unknown = Object.keys(args).filter((name) => !known.has(name));
  if (unknown.length > 0) return toolError(`Unknown argument${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);

  const params: Record<string, string> = {};
  let path = endpoint.path;
  for (const name of pathNames) {
    params[name] = typeof args[name] === "string" ? args[name] : "";
    path = path.replace(`{${name}}`, encodeURIComponent(params[name]));
  }
  const url = new URL(path, mcpRequest.url);
  for (const name of queryNames) {
    const value = args[name];
    if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
  }
  const headers = new Headers(mcpRequest.headers);
  for (const name of NOT_PASSED_ON) headers.delete(name);
  if (endpoint.body) headers.set("content-type", "application/json");
  const request = new Request(url, {
    method: endpoint.method.toUpperCase(),
    headers,
    body: endpoint.body ? JSON.stringify(args.body ?? {}) : undefined,
    signal: mcpRequest.signal,
  });
  return toolResult(await handler(request, { params: Promise.resolve(params) }));
}

async function toolResult(response: Response): Promise<CallToolResult> {
  const text = await response.text();
  const isJson = text !== "" && (response.headers.get("content-type") ?? "").includes("json");
  return {
    ...(!response.ok && { isError: true }),
    content: [{ type: "text", text: text || `${response.status} ${response.statusText || "No Content"}` }],
    structuredContent: { status: response.status, body: isJson ? JSON.parse(text) : null },
  };
}

function toolError(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}
