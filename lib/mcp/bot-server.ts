import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { answerInFull } from "@/lib/chat/answer";
import { startTurn } from "@/lib/chat/start-turn";
import { resolveConfiguration } from "@/lib/chatbots/configuration";
import type { ChatbotPage } from "@/lib/chatbots/types";
import { MESSAGE_MAX } from "@/lib/constants";
import { errorResponseBody } from "@/lib/errors";
import { clientIp } from "@/lib/http/request-facts";
import { mcpVisitorId } from "@/lib/visitors/identity";
import { newSignedSecret, verifiedSecret } from "@/lib/visitors/signed-secret";

// A public bot as an MCP server of its own: `ask` is one chat turn, through the same start, answer
// and finish as POST /api/chat (limits, logging, grounding, outcome), and `profile` is what its
// public page says of the owner. An MCP client has no cookie, so the first answer hands it a
// signed visitor to pass back; the visitor id is derived from its secret, as the page's is from the
// cookie's, so holding the signed value is the only way to speak as that visitor.

// A key of its own: a visitor cookie is no MCP visitor, and the other way round.
const VISITOR_PURPOSE = "chatfolio mcp visitor";

const askInput = {
  message: z.string().trim().min(1).max(MESSAGE_MAX).describe("The question or message for the bot."),
  visitor: z
    .string()
    .max(100)
    .optional()
    .describe("The `visitor` an earlier answer gave: who is asking. Leave it out on the first question."),
  conversation_id: z
    .uuid()
    .optional()
    .describe("The `conversation_id` of an earlier answer, to continue that conversation (with the same visitor)."),
};

export function botServer(bot: ChatbotPage, request: Request): McpServer {
  const server = new McpServer(
    { name: `chatfolio-${bot.public_url_slug}`, title: bot.name, version: "1.0.0" },
    { instructions: `${bot.name}: a chatbot that answers about ${bot.owner_name ?? "its owner"}.` },
  );
  server.registerTool(
    "ask",
    {
      title: `Ask ${bot.name}`,
      description: `Ask ${bot.name} a question about ${bot.owner_name ?? "its owner"}; it answers from what the owner wrote. Pass back the answer's \`visitor\` and \`conversation_id\` to follow up in the same conversation.`,
      inputSchema: askInput,
      annotations: { readOnlyHint: false, openWorldHint: false },
    },
    (args) => ask(bot, args, request),
  );
  server.registerResource(
    "profile",
    `chatfolio://bots/${bot.public_url_slug}/profile`,
    {
      title: `${bot.owner_name ?? bot.name}: public profile`,
      description: "Who the bot speaks for, as its public page shows it.",
      mimeType: "application/json",
    },
    (uri) => ({
      contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(publicProfile(bot)) }],
    }),
  );
  return server;
}

function publicProfile(bot: ChatbotPage) {
  return {
    name: bot.owner_name,
    location: bot.owner_location,
    bio: bot.owner_bio,
    chatbot: { name: bot.name, description: bot.description, slug: bot.public_url_slug },
  };
}

async function ask(
  bot: ChatbotPage,
  args: { message: string; visitor?: string; conversation_id?: string },
  request: Request,
): Promise<CallToolResult> {
  const visitor = args.visitor ?? newSignedSecret(VISITOR_PURPOSE);
  const secret = verifiedSecret(VISITOR_PURPOSE, visitor);
  if (!secret)
    return failed("forbidden", "This visitor was not issued by this server: leave it out to ask as a new visitor.");
  try {
    const turn = await startTurn({
      message: args.message,
      visitorId: mcpVisitorId(secret, bot.id),
      chatbotId: bot.id,
      conversationId: args.conversation_id ?? null,
      clientIp: clientIp(request.headers),
      caller: null,
    });
    const answer = await answerInFull(turn, args.message, request.signal);
    // As in the chat: sources are recorded for the owner, shown only when the owner chose so.
    const showSources = resolveConfiguration(turn.chatbot.configuration).show_sources;
    return {
      content: [{ type: "text", text: answer.text }],
      structuredContent: {
        answer: answer.text,
        conversation_id: turn.conversationId,
        message_id: turn.messageId,
        visitor,
        ...(showSources && { sources: answer.sources }),
        contact_offered: answer.contactOffered,
      },
    };
  } catch (error) {
    const { error: body, headers } = errorResponseBody(error);
    return failed(body.code, body.message, headers["Retry-After"]);
  }
}

/** A refused turn (a limit, a block, the model failing) as a tool error the assistant can read out. */
function failed(code: string, message: string, retryAfter?: string): CallToolResult {
  return {
    isError: true,
    content: [{ type: "text", text: message }],
    structuredContent: { error: { code, message, ...(retryAfter && { retry_after_seconds: Number(retryAfter) }) } },
  };
}
