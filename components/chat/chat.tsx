"use client";

import { Component, lazy, type ReactNode, Suspense, useEffect, useMemo, useRef, useState } from "react";
import type { ChatProps } from "@/lib/visitors/conversation";
import { ENGINE_UNAVAILABLE } from "./chat-error";
import { ChatView } from "./chat-view";
import { messagesFromTurns, toView } from "./messages";
import type { EngineControls, LiveState } from "./view-types";
import { type AnswerFeedback, deleteVisitorData, sendFeedback } from "./visitor-api";
import { readChoices, rememberCleared, rememberName, rememberNameSkipped } from "./visitor-storage";

// The AI SDK is most of the chat's JavaScript: it loads when the visitor shows intent (pointer
// over or focus in the chat), or at the latest with their first message, never with the page.
const loadEngine = () => import("./chat-engine");

/**
 * Catches the engine failing to load (offline, or its chunk gone after a redeploy) so the chat
 * says so with a retry, instead of the failure reaching the app's error page and blanking it.
 */
class EngineBoundary extends Component<{ onError: () => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(): void {
    this.props.onError();
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/** The visitor's side of a conversation with a chatbot, on the public page and in the embed. */
export function Chat({
  chatbotId,
  botName,
  welcomeMessage,
  starterQuestions,
  contactForm,
  visitorId,
  past,
}: ChatProps) {
  const [history, setHistory] = useState(past);
  const [visitorName, setVisitorName] = useState(past?.visitor_name ?? null);
  const [nameSkipped, setNameSkipped] = useState(false);
  // The browser's remembered choices are read after hydration; until then the name prompt waits,
  // so a visitor who answered it once never sees it flash.
  const [choicesRead, setChoicesRead] = useState(false);
  const [firstMessage, setFirstMessage] = useState<string | null>(null);
  const [live, setLive] = useState<LiveState | null>(null);
  // A lazy component remembers its failed import: a retry needs a fresh one.
  const [ChatEngine, setChatEngine] = useState(() => lazy(loadEngine));
  const [engineFailed, setEngineFailed] = useState(false);
  const controls = useRef<EngineControls | null>(null);
  const [feedback, setFeedback] = useState<Record<string, AnswerFeedback>>(() =>
    Object.fromEntries(
      (past?.turns ?? []).map((turn) => [turn.id, { rating: turn.feedback, comment: turn.feedback_comment }]),
    ),
  );

  useEffect(() => {
    const stored = readChoices(chatbotId);
    // The server shows the latest conversation, which is still the one the visitor closed until
    // they send a new message: start empty instead, and the next message starts a new one.
    if (past?.conversation_id && past.conversation_id === stored.clearedConversation) setHistory(null);
    if (!past?.visitor_name && stored.name) setVisitorName(stored.name);
    if (stored.nameSkipped) setNameSkipped(true);
    setChoicesRead(true);
  }, [chatbotId, past]);

  const fromPage = useMemo(
    () => toView(messagesFromTurns(history?.turns ?? [], history?.conversation_id ?? null, history?.replies ?? [])),
    [history],
  );
  const waiting = firstMessage === null ? [] : [{ id: "first", role: "user" as const, text: firstMessage }];

  const send = (text: string) => {
    if (controls.current) controls.current.send(text);
    else if (firstMessage === null) setFirstMessage(text);
  };
  const startOver = () => {
    const closing = live ? live.conversationId : (history?.conversation_id ?? null);
    if (closing) rememberCleared(chatbotId, closing);
    if (controls.current) controls.current.startOver();
    else setHistory(null);
  };
  const retry = () => {
    if (!engineFailed) {
      controls.current?.retry();
      return;
    }
    setEngineFailed(false);
    setChatEngine(() => lazy(loadEngine));
  };
  const saveName = (name: string) => {
    rememberName(name);
    setVisitorName(name);
  };
  const skipName = () => {
    rememberNameSkipped();
    setNameSkipped(true);
  };
  const giveFeedback = async (messageId: string, next: AnswerFeedback) => {
    const before = feedback[messageId];
    setFeedback((all) => ({ ...all, [messageId]: next }));
    const saved = await sendFeedback(chatbotId, messageId, next);
    if (!saved) setFeedback((all) => ({ ...all, [messageId]: before }));
    return saved;
  };
  const deleteData = async () => {
    if (!(await deleteVisitorData(chatbotId))) return false;
    // Nothing of the conversation is left on the server: the chat starts empty, as for a new visitor.
    if (controls.current) controls.current.startOver();
    setHistory(null);
    setFeedback({});
    return true;
  };
  const warmUp = () => {
    // Only a head start: a failure here surfaces, with its retry, when the engine is needed.
    loadEngine().catch(() => undefined);
  };

  const status = live?.status ?? (firstMessage === null ? "ready" : "submitted");
  return (
    <>
      <ChatView
        chatbotId={chatbotId}
        botName={botName}
        welcomeMessage={welcomeMessage}
        starterQuestions={starterQuestions}
        contactForm={contactForm}
        messages={live?.messages ?? [...fromPage, ...waiting]}
        status={engineFailed ? "error" : status}
        problem={engineFailed ? ENGINE_UNAVAILABLE : (live?.problem ?? null)}
        announcement={live?.announcement ?? ""}
        visitorName={visitorName}
        askName={choicesRead && !visitorName && !nameSkipped}
        onSaveName={saveName}
        onSkipName={skipName}
        onSend={send}
        onStop={() => controls.current?.stop()}
        onRetry={retry}
        onNewConversation={startOver}
        feedback={feedback}
        onFeedback={giveFeedback}
        onDeleteData={deleteData}
        onWarmUp={warmUp}
        ready={choicesRead}
      />
      {firstMessage !== null && !engineFailed && (
        <EngineBoundary onError={() => setEngineFailed(true)}>
          <Suspense fallback={null}>
            <ChatEngine
              chatbotId={chatbotId}
              visitorId={visitorId}
              past={history}
              visitorName={visitorName}
              firstMessage={firstMessage}
              onChange={setLive}
              controls={controls}
            />
          </Suspense>
        </EngineBoundary>
      )}
    </>
  );
}
