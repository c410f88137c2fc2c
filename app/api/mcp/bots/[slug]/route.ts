import { findPublicChatbot } from "@/lib/chatbots/public-page";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { botServer } from "@/lib/mcp/bot-server";
import { botMcpEndpoint } from "@/lib/mcp/endpoints";
import { serveMcp } from "@/lib/mcp/transport";

export const dynamic = "force-dynamic";

// POST /api/mcp/bots/{slug} – a public chatbot as an MCP server: ask it, read its owner's profile
export const POST = route(botMcpEndpoint)(async ({ request, params, body }) => {
  const bot = await findPublicChatbot(params.slug);
  if (!bot) throw new ApiError("not_found", "Chatbot not found.");
  return serveMcp(botServer(bot, request), request, body);
});
