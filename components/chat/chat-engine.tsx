"use client";

import { type RefObject, useEffect, useImperativeHandle, useRef, useState } from "react";
import type { ChatProps } from "@/lib/visitors/conversation";
import { describeChatError } from "./chat-error";
import { currentConversation, toView } from "./messages";
import { useVisitorChat } from "./use-visitor-chat";
import type { EngineControls, LiveState } from "./view-types";

interface ChatEngineProps extends Pick<ChatProps, "chatbotId" | "visitorId" | "past"> {
  visitorName: string | null;
  /** The message that woke the engine up, sent as soon as it is ready. */
  firstMessage: string | null;
  onChange: (state: LiveState) => void;
  controls: RefObject<EngineControls | null>;
}

/**
 * The live half of the chat: the AI SDK's useChat and its stream parser. It draws nothing; it is
 * loaded only when the visitor first sends something, which keeps the AI SDK (and the zod it
 * brings) out of the page's first load. The view stays mounted, so focus and typing survive.
 */
export default function ChatEngine({
  chatbotId,
  visitorId,
  past,
  visitorName,
  firstMessage,
  onChange,
  controls,
}: ChatEngineProps) {
  const chat = useVisitorChat({ chatbotId, visitorId, past, visitorName });
  const { messages, status, error, announcement, sendMessage, stop, regenerate, startOver, startedWith } = chat;

  useImperativeHandle(
    controls,
    () => ({
      send: (text) => void sendMessage({ text }),
      stop: () => void stop(),
      retry: () => void regenerate(),
      startOver,
    }),
    [sendMessage, stop, regenerate, startOver],
  );

  // Once only, even under StrictMode's double effects.
  const sentFirst = useRef(false);
  useEffect(() => {
    if (sentFirst.current || firstMessage === null) return;
    sentFirst.current = true;
    void sendMessage({ text: firstMessage });
  }, [firstMessage, sendMessage]);

  // Until useChat has taken the first message (sendMessage adds it only after an await), the
  // view's own copy, which already shows it, is newer. From then on useChat is the only truth,
  // for good: a later state that happens to look like boot (a conversation cleared back to the
  // boot length, ready) must still reach the view.
  const [bootMessages] = useState(messages);
  const live = useRef(firstMessage === null);
  useEffect(() => {
    if (!live.current) {
      if (status === "ready" && messages === bootMessages) return;
      live.current = true;
    }
    onChange({
      messages: toView(messages),
      status,
      problem: error ? describeChatError(error) : null,
      announcement,
      conversationId: currentConversation(messages, startedWith.current),
    });
  }, [messages, status, error, announcement, onChange, bootMessages, startedWith]);

  return null;
}
