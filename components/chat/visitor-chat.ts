import { Chat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import type { ChatProps } from "@/lib/visitors/conversation";
import { type ChatMessage, currentConversation, messagesFromTurns, messageText } from "./messages";

interface VisitorChatOptions extends Pick<ChatProps, "chatbotId" | "visitorId" | "past"> {
  /** Read as each message leaves, so a name given mid-conversation travels with the next one. */
  visitorName: () => string | null;
}

/**
 * One visitor's conversation in this page: the AI SDK's Chat wired to POST /api/chat. Only the new
 * message travels, with who is asking and which conversation it continues: the server keeps the
 * history, so a client can't rewrite it.
 *
 * It is created by the visitor's first message and lives outside React, which only draws it
 * (`useChat({ chat })`). Left to create its own Chat, useChat stops that Chat in an effect cleanup
 * and re-creates it whenever its memo is recomputed; in development React runs every new
 * component's effects, their cleanups and the effects again (StrictMode), and Fast Refresh
 * recomputes memos and reruns effects. A message sent from the engine's mount effect was aborted
 * by that cleanup before it left the page, and a ref guard kept it from being sent again. Here
 * nothing is sent from an effect: every message, the first included, goes out from what the
 * visitor did, exactly once, however often React mounts the components that show it.
 */
export class VisitorChat {
  readonly chat: Chat<ChatMessage>;
  /** What the chat held before the visitor's first message: every change replaces the array. */
  readonly bootMessages: ChatMessage[];
  /** The conversation the page began in, until the visitor starts over. */
  private startedWith: string | null;
  private announcement = "";
  private readonly listeners = new Set<() => void>();

  constructor({ chatbotId, visitorId, past, visitorName }: VisitorChatOptions) {
    this.startedWith = past?.conversation_id ?? null;
    this.chat = new Chat<ChatMessage>({
      messages: messagesFromTurns(past?.turns ?? [], past?.conversation_id ?? null, past?.replies ?? []),
      transport: new DefaultChatTransport<ChatMessage>({
        api: "/api/chat",
        prepareSendMessagesRequest: ({ messages }) => {
          const last = messages.findLast((message) => message.role === "user");
          return {
            body: {
              message: last ? messageText(last) : "",
              chatbot_id: chatbotId,
              visitor_id: visitorId,
              visitor_name: visitorName(),
              conversation_id: this.conversationOf(messages),
              stream: true,
            },
          };
        },
      }),
      onFinish: ({ message }) => this.announce(messageText(message)),
    });
    this.bootMessages = this.chat.messages;
  }

  send(text: string): void {
    void this.chat.sendMessage({ text });
  }

  stop(): void {
    void this.chat.stop();
  }

  retry(): void {
    void this.chat.regenerate();
  }

  startOver(): void {
    void this.chat.stop();
    this.startedWith = null;
    this.chat.messages = [];
    this.chat.clearError();
    this.announce("");
  }

  /** The conversation the next message continues; null: it starts one. */
  conversationOf(messages: ChatMessage[]): string | null {
    return currentConversation(messages, this.startedWith);
  }

  /** The latest answer, whole, for screen readers; with subscribe, for useSyncExternalStore. */
  readonly currentAnnouncement = (): string => this.announcement;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private announce(text: string): void {
    this.announcement = text;
    for (const listener of this.listeners) listener();
  }
}
