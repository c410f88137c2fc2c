import type { UIMessage } from "ai";
import type { ChatMessageMetadata } from "@/lib/constants";
import type { PastReply, PastTurn } from "@/lib/visitors/conversation";
import type { ViewMessage } from "./view-types";

/** from_owner: the owner's reply, shown among the answers; the server never hears of it again. */
export type ChatMessage = UIMessage<Partial<ChatMessageMetadata> & { from_owner?: true }>;

export function messageText(message: ChatMessage): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

/** The stored turns, and the owner's replies among them, as useChat messages: a reload shows the conversation as it was. */
export function messagesFromTurns(
  turns: PastTurn[],
  conversationId: string | null,
  replies: PastReply[],
): ChatMessage[] {
  const metadata = conversationId ? { conversation_id: conversationId } : {};
  const fromTurns = turns.map((turn) => {
    const asked: ChatMessage = { id: `${turn.id}-q`, role: "user", parts: [{ type: "text", text: turn.message }] };
    const messages: ChatMessage[] = [asked];
    if (turn.response) {
      messages.push({
        id: turn.id,
        role: "assistant",
        metadata: {
          ...metadata,
          message_id: turn.id,
          ...(turn.sources && { sources: turn.sources }),
          ...(turn.contact_offered && { contact_offered: true }),
        },
        parts: [{ type: "text", text: turn.response }],
      });
    }
    return { at: turn.created_at, messages };
  });
  const fromReplies = replies.map((reply) => ({
    at: reply.created_at,
    messages: [
      {
        id: `reply-${reply.id}`,
        role: "assistant",
        metadata: { from_owner: true },
        parts: [{ type: "text", text: reply.body }],
      } satisfies ChatMessage,
    ],
  }));
  return [...fromTurns, ...fromReplies]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .flatMap((entry) => entry.messages);
}

/** The conversation the next message belongs to: the latest answer's, else the one we started with. */
export function currentConversation(messages: ChatMessage[], fallback: string | null): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const id = messages[i].metadata?.conversation_id;
    if (id) return id;
  }
  return fallback;
}

export function toView(messages: ChatMessage[]): ViewMessage[] {
  return messages.map((message) => ({
    id: message.id,
    role: message.role === "user" ? "user" : message.metadata?.from_owner ? "owner" : "assistant",
    text: messageText(message),
    sources: message.metadata?.sources,
    messageId: message.metadata?.message_id,
    contactOffered: message.metadata?.contact_offered === true,
  }));
}
