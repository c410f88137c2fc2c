import { createUIMessageStreamResponse, toUIMessageStream } from "ai";
import { chatEndpoint } from "@/lib/api/endpoints/chat";
import { answerInFull, startAnswer } from "@/lib/chat/answer";
import { startTurn } from "@/lib/chat/start-turn";
import { resolveConfiguration } from "@/lib/chatbots/configuration";
import type { ChatMessageMetadata } from "@/lib/constants";
import { errorBody } from "@/lib/errors";
import { clientIp } from "@/lib/http/request-facts";
import { route } from "@/lib/http/route";
import { assertWebVisitor } from "@/lib/visitors/identity";

export const dynamic = "force-dynamic";

// POST /api/chat – a visitor's message to a chatbot, answered as JSON or streamed (AI SDK UI message stream)
export const POST = route(chatEndpoint)(async ({ request, caller, body }) => {
  const receivedAt = performance.now();
  await assertWebVisitor(request, body.visitor_id, body.chatbot_id);
  const turn = await startTurn({
    message: body.message,
    visitorId: body.visitor_id,
    visitorName: body.visitor_name,
    chatbotId: body.chatbot_id,
    chatbotSlug: body.chatbot_slug,
    conversationId: body.conversation_id,
    clientIp: clientIp(request.headers),
    caller,
    preview: body.preview,
  });
  const rateLimitHeaders = {
    "X-RateLimit-Limit": String(turn.rateLimit.limit),
    "X-RateLimit-Remaining": String(turn.rateLimit.remaining),
  };
  const ids: ChatMessageMetadata = { message_id: turn.messageId, conversation_id: turn.conversationId };
  // Sources are always recorded for the owner; visitors see them only when the owner chose so.
  const showSources = resolveConfiguration(turn.chatbot.configuration).show_sources;

  if (!body.stream) {
    const answer = await answerInFull(turn, body.message, request.signal);
    const queryTimeMs = Math.round(performance.now() - receivedAt);
    return {
      status: 200,
      body: {
        response: answer.text,
        query_time_ms: queryTimeMs,
        ...ids,
        ...(showSources && { sources: answer.sources }),
        contact_offered: answer.contactOffered,
      },
      headers: rateLimitHeaders,
    };
  }
  const answer = await startAnswer(turn, body.message, request.signal);
  return createUIMessageStreamResponse({
    stream: toUIMessageStream({
      stream: answer.stream,
      // The ids with the first part; the sources and the contact offer with the finish part, once
      // the answer is whole.
      messageMetadata: ({ part }) => {
        if (part.type === "start") return ids;
        if (part.type !== "finish") return undefined;
        const offered = answer.contactOffered();
        if (!showSources && !offered) return undefined;
        return { ...(showSources && { sources: answer.sources() }), ...(offered && { contact_offered: true }) };
      },
      onError: () =>
        JSON.stringify(errorBody("model_error", "The assistant could not finish this answer. Please try again.")),
    }),
    headers: { ...rateLimitHeaders, "X-Accel-Buffering": "no" },
  });
});
