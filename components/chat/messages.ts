import type { UIMessage } from "ai";
import type { ChatMessageMetadata } from "@/lib/constants";
import type { PastTurn } from "@/lib/visitors/conversation";
import type { ViewMessage } from "./view-types";

export type ChatMessage = UIMessage<Partial<ChatMessageMetadata>>;

export function messageText(message: ChatMessage): string {
  return message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

/** The stored turns as useChat messages, so a reload shows the conversation as it was. */
export function messagesFromTurns(turns: PastTurn[], conversationId: string | null): ChatMessage[] {
  const metadata = conversationId ? { conversation_id: conversationId } : {};
  return turns.flatMap((turn): ChatMessage[] => {
    const asked: ChatMessage = { id: `${turn.id}-q`, role: "user", parts: [{ type: "text", text: turn.message }] };
    if (!turn.response) return [asked];
    return [
      asked,
      {
        id: turn.id,
        role: "assistant",
        metadata: { ...metadata, message_id: turn.id, ...(turn.sources && { sources: turn.sources }) },
        parts: [{ type: "text", text: turn.response }],
      },
    ];
  });
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
    role: message.role === "user" ? "user" : "assistant",
    text: messageText(message),
    sources: message.metadata?.sources,
  }));
}
