import "server-only";
import { MCP_VISITOR_PREFIX } from "@/lib/visitors/identity";

/**
 * How the inbox names a conversation's visitor: the name they gave, else where they came from and
 * a short id (an assistant through the bot's MCP server is said to be one); no visitor is the owner
 * talking to their own bot through the API.
 */
export function visitorLabel(visitor: { visitor_id: string; name: string | null } | null): string {
  if (!visitor) return "Owner (API)";
  if (visitor.name) return visitor.name;
  if (visitor.visitor_id.startsWith(MCP_VISITOR_PREFIX))
    return `MCP visitor ${visitor.visitor_id.slice(MCP_VISITOR_PREFIX.length, MCP_VISITOR_PREFIX.length + 8)}`;
  return `Visitor ${visitor.visitor_id.slice(0, 8)}`;
}
