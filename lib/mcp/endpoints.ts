import { z } from "zod";
import { endpoints } from "@/lib/api/endpoint";

const mcp = endpoints({ tag: "MCP", auth: "required" });

/**
 * One JSON-RPC message or a batch, as MCP's Streamable HTTP transport posts them; the SDK's
 * transport checks each message itself, so only the envelope is declared here.
 */
const jsonRpcMessage = z.looseObject({ jsonrpc: z.literal("2.0") });
const JsonRpcBody = {
  name: "McpMessage",
  schema: z.union([jsonRpcMessage, z.array(jsonRpcMessage).min(1)]),
};

const STATELESS =
  "Streamable HTTP in stateless mode: every POST stands alone (no `Mcp-Session-Id`, no server-sent stream by GET), so any server of the deployment answers any request.";

const answers = {
  200: {
    description: "The JSON-RPC response (a JSON object, or an array for a batch).",
    contentType: "application/json",
  },
  202: { description: "A notification or a response, accepted; nothing to answer." },
} as const;

export const ownerMcpEndpoint = mcp("POST /api/mcp", "ownerMcp", {
  summary: "The owner's MCP server: one tool per API operation",
  description: `${STATELESS} With an API key or access token as Bearer, \`tools/list\` names one tool per operation the credentials may call (its name the operationId, its input the operation's path, query and \`body\`), and \`tools/call\` runs that operation exactly as its HTTP request would. See docs/mcp.md.`,
  body: JsonRpcBody,
  responses: answers,
  errors: ["forbidden"],
  keyScope: "read",
});

/** A public bot's slug in the path: one that names no public bot is a 404 like a missing row. */
const botParamsSchema = z.object({
  slug: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/)
    .transform((slug) => slug.toLowerCase()),
});

export const botMcpEndpoint = {
  ...mcp("POST /api/mcp/bots/{slug}", "botMcp", {
    auth: "none",
    summary: "A public chatbot as an MCP server of its own",
    description: `${STATELESS} Tool \`ask\` is one chat turn with the bot (the same limits, logging and grounding as the chat page; the owner's inbox shows it came from MCP); resource \`profile\` is the owner's public profile. No cookies: the first answer carries a signed \`visitor\` that the client passes back to continue the conversation. Private bots answer 404.`,
    body: JsonRpcBody,
    responses: answers,
    errors: ["not_found"],
  }),
  params: botParamsSchema,
};
