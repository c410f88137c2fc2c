import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatProps } from "@/lib/visitors/conversation";
import { type ChatMessage, currentConversation, messagesFromTurns, messageText } from "./messages";

interface VisitorChatOptions extends Pick<ChatProps, "chatbotId" | "visitorId" | "past"> {
  visitorName: string | null;
}

/**
 * useChat wired to POST /api/chat. Only the new message travels, with who is asking and which
 * conversation it continues: the server keeps the history, so a client can't rewrite it.
 */
export function useVisitorChat({ chatbotId, visitorId, past, visitorName }: VisitorChatOptions) {
  const startedWith = useRef<string | null>(past?.conversation_id ?? null);
  // The transport is built once; it reads the name as it is when each message leaves.
  const nameRef = useRef(visitorName);
  useEffect(() => {
    nameRef.current = visitorName;
  }, [visitorName]);
  const [announcement, setAnnouncement] = useState("");

  const [transport] = useState(
    () =>
      new DefaultChatTransport<ChatMessage>({
        api: "/api/chat",
        prepareSendMessagesRequest: ({ messages }) => {
          const last = messages.findLast((message) => message.role === "user");
          return {
            body: {
              message: last ? messageText(last) : "",
              chatbot_id: chatbotId,
              visitor_id: visitorId,
              visitor_name: nameRef.current,
              conversation_id: currentConversation(messages, startedWith.current),
              stream: true,
            },
          };
        },
      }),
  );
  const [initialMessages] = useState(() =>
    messagesFromTurns(past?.turns ?? [], past?.conversation_id ?? null, past?.replies ?? []),
  );

  const chat = useChat<ChatMessage>({
    transport,
    messages: initialMessages,
    onFinish: ({ message }) => setAnnouncement(messageText(message)),
  });

  const { stop, setMessages, clearError } = chat;
  const startOver = useCallback(() => {
    void stop();
    startedWith.current = null;
    setMessages([]);
    clearError();
    setAnnouncement("");
  }, [stop, setMessages, clearError]);

  return { ...chat, announcement, startOver, startedWith };
}
