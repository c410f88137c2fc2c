import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { ownerMcpEndpoint } from "@/lib/mcp/endpoints";
import { ownerServer, type RouteModules } from "@/lib/mcp/owner-server";
import { serveMcp } from "@/lib/mcp/transport";

export const dynamic = "force-dynamic";

// Every route module of the API but this one, loaded on the first tool call: the tools run them.
const routeModules: RouteModules = import.meta.glob(["/app/api/**/route.ts", "!/app/api/mcp/**"]);

// POST /api/mcp – the owner's MCP server (Streamable HTTP, stateless): one tool per API operation
export const POST = route(ownerMcpEndpoint)(async ({ request, caller, body }) => {
  if (caller.via === "session")
    throw new ApiError(
      "forbidden",
      "The MCP server takes an API key or access token as Bearer, not a browser session.",
    );
  return serveMcp(ownerServer(caller, request, routeModules), request, body);
});
