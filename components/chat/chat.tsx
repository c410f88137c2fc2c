"use client";

import { Component, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import type { ChatProps } from "@/lib/visitors/conversation";
import { ENGINE_UNAVAILABLE } from "./chat-error";
import { ChatView } from "./chat-view";
import { messagesFromTurns, toView } from "./messages";
import type { LiveState } from "./view-types";
import { type AnswerFeedback, deleteVisitorData, sendFeedback } from "./visitor-api";
import type { VisitorChat } from "./visitor-chat";
import { readChoices, rememberCleared, rememberName, rememberNameSkipped } from "./visitor-storage";

// The AI SDK is most of the chat's JavaScript: it loads when the visitor shows intent (pointer
// over or focus in the chat), or at the latest with their first message, never with the page.
const loadEngine = () => import("./chat-engine");

/** The loaded engine and the conversation it draws. */
interface Engine {
  Engine: Awaited<ReturnType<typeof loadEngine>>["default"];
  session: VisitorChat;
}

/**
 * Catches the engine failing to draw so the chat says so with a retry, instead of the failure
 * reaching the app's error page and blanking it.
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
  const [engine, setEngine] = useState<Engine | null>(null);
  // The engine failed to load (offline, or its chunk gone after a redeploy), or to draw.
  const [engineFailed, setEngineFailed] = useState(false);
  // Set by the first message, in the visitor's event: a second press before the engine has loaded
  // finds it set, whatever React has rendered by then.
  const starting = useRef(false);
  // The session reads the name as each message leaves.
  const nameRef = useRef(visitorName);
  useEffect(() => {
    nameRef.current = visitorName;
  }, [visitorName]);
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

  // The conversation is created, and its first message sent, here, from the visitor's action and
  // never from an effect, which React may run, undo and run again (see VisitorChat): exactly once.
  const start = (text: string) => {
    loadEngine().then(
      ({ default: Engine, VisitorChat }) => {
        const session = new VisitorChat({ chatbotId, visitorId, past: history, visitorName: () => nameRef.current });
        session.send(text);
        setEngine({ Engine, session });
      },
      () => setEngineFailed(true),
    );
  };
  const send = (text: string) => {
    if (engine) engine.session.send(text);
    else if (!starting.current) {
      starting.current = true;
      setFirstMessage(text);
      start(text);
    }
  };
  const startOver = () => {
    const closing = live ? live.conversationId : (history?.conversation_id ?? null);
    if (closing) rememberCleared(chatbotId, closing);
    if (engine) engine.session.startOver();
    else setHistory(null);
  };
  const retry = () => {
    if (!engineFailed) {
      engine?.session.retry();
      return;
    }
    setEngineFailed(false);
    // Never loaded: the first message is still unsent. Loaded, it only failed to draw: draw it again.
    if (!engine && firstMessage !== null) start(firstMessage);
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
    engine?.session.startOver();
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
        onStop={() => engine?.session.stop()}
        onRetry={retry}
        onNewConversation={startOver}
        feedback={feedback}
        onFeedback={giveFeedback}
        onDeleteData={deleteData}
        onWarmUp={warmUp}
        ready={choicesRead}
      />
      {engine && !engineFailed && (
        <EngineBoundary onError={() => setEngineFailed(true)}>
          <engine.Engine session={engine.session} onChange={setLive} />
        </EngineBoundary>
      )}
    </>
  );
}
