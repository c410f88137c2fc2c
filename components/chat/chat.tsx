"use client";

import { lazy, Suspense, useMemo, useRef, useState } from "react";
import { ChatView } from "./chat-view";
import { messagesFromTurns, toView } from "./messages";
import type { ChatProps } from "./types";
import type { EngineControls, LiveState } from "./view-types";

// The AI SDK is most of the chat's JavaScript: it loads when the visitor shows intent (pointer
// over or focus in the chat), or at the latest with their first message, never with the page.
const loadEngine = () => import("./chat-engine");
const ChatEngine = lazy(loadEngine);

/** The visitor's side of a conversation with a chatbot, on the public page and in the embed. */
export function Chat({ chatbotId, botName, welcomeMessage, starterQuestions, visitorId, past }: ChatProps) {
  const [history, setHistory] = useState(past);
  const [visitorName, setVisitorName] = useState(past?.visitor_name ?? null);
  const [nameSkipped, setNameSkipped] = useState(false);
  const [firstMessage, setFirstMessage] = useState<string | null>(null);
  const [live, setLive] = useState<LiveState | null>(null);
  const controls = useRef<EngineControls | null>(null);

  const fromPage = useMemo(
    () => toView(messagesFromTurns(history?.turns ?? [], history?.conversation_id ?? null)),
    [history],
  );
  const waiting = firstMessage === null ? [] : [{ id: "first", role: "user" as const, text: firstMessage }];

  const send = (text: string) => {
    if (controls.current) controls.current.send(text);
    else if (firstMessage === null) setFirstMessage(text);
  };
  const startOver = () => {
    if (controls.current) controls.current.startOver();
    else setHistory(null);
  };

  return (
    <>
      <ChatView
        botName={botName}
        welcomeMessage={welcomeMessage}
        starterQuestions={starterQuestions}
        messages={live?.messages ?? [...fromPage, ...waiting]}
        status={live?.status ?? (firstMessage === null ? "ready" : "submitted")}
        problem={live?.problem ?? null}
        announcement={live?.announcement ?? ""}
        visitorName={visitorName}
        askName={!visitorName && !nameSkipped}
        onSaveName={setVisitorName}
        onSkipName={() => setNameSkipped(true)}
        onSend={send}
        onStop={() => controls.current?.stop()}
        onRetry={() => controls.current?.retry()}
        onNewConversation={startOver}
        onWarmUp={() => void loadEngine()}
      />
      {firstMessage !== null && (
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
      )}
    </>
  );
}
