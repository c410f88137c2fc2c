"use client";

import { useChat } from "@ai-sdk/react";
import { useEffect, useSyncExternalStore } from "react";
import { describeChatError } from "./chat-error";
import { toView } from "./messages";
import type { LiveState } from "./view-types";
import type { VisitorChat } from "./visitor-chat";

export { VisitorChat } from "./visitor-chat";

interface ChatEngineProps {
  /** The conversation, created by the visitor's first message (which it has already sent). */
  session: VisitorChat;
  onChange: (state: LiveState) => void;
}

/**
 * The live half of the chat: the AI SDK's useChat and its stream parser. It draws nothing and sends
 * nothing: it reports the session's state to the view. It is loaded only when the visitor first
 * shows intent or sends something, which keeps the AI SDK (and the zod it brings) out of the page's
 * first load. The view stays mounted, so focus and typing survive.
 */
export default function ChatEngine({ session, onChange }: ChatEngineProps) {
  const { messages, status, error } = useChat({ chat: session.chat });
  const announcement = useSyncExternalStore(
    session.subscribe,
    session.currentAnnouncement,
    session.currentAnnouncement,
  );

  // Until the chat has taken the first message (sendMessage adds it only after an await), the
  // view's own copy, which already shows it, is newer. Every change gives the chat a new array, so
  // from then on the chat is the only truth, for good: a later state that happens to look like boot
  // (a conversation cleared back to the boot length, ready) must still reach the view.
  useEffect(() => {
    if (messages === session.bootMessages) return;
    onChange({
      messages: toView(messages),
      status,
      problem: error ? describeChatError(error) : null,
      announcement,
      conversationId: session.conversationOf(messages),
    });
  }, [messages, status, error, announcement, onChange, session]);

  return null;
}
