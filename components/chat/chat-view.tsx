"use client";

import { Fragment, type MouseEvent, type ReactNode, useEffect, useRef } from "react";
import type { ChatProps } from "@/lib/visitors/conversation";
import { AnswerFeedbackControls } from "./answer-feedback";
import { type ChatProblem, retryable } from "./chat-error";
import { ChatMenu } from "./chat-menu";
import { Composer, focusComposer } from "./composer";
import { ContactForm } from "./contact-form";
import { MessageBubble, TypingDots } from "./message-bubble";
import { NamePrompt } from "./name-prompt";
import type { ViewMessage, ViewStatus } from "./view-types";
import type { AnswerFeedback } from "./visitor-api";

interface ChatViewProps {
  chatbotId: string;
  botName: string;
  welcomeMessage: string;
  starterQuestions: string[];
  contactForm: ChatProps["contactForm"];
  messages: ViewMessage[];
  status: ViewStatus;
  problem: ChatProblem | null;
  announcement: string;
  visitorName: string | null;
  askName: boolean;
  onSaveName: (name: string) => void;
  onSkipName: () => void;
  onSend: (text: string) => void;
  onStop: () => void;
  onRetry: () => void;
  onNewConversation: () => void;
  /** Each rated answer's feedback, by its stored id. */
  feedback: Record<string, AnswerFeedback>;
  onFeedback: (messageId: string, feedback: AnswerFeedback) => Promise<boolean>;
  onDeleteData: () => Promise<boolean>;
  /** The visitor is about to chat: a good moment to load the chat engine. */
  onWarmUp: () => void;
  /** Hydrated: the controls answer clicks (tests wait for this rather than guessing). */
  ready: boolean;
}

/** The chat as the visitor sees it: messages, suggestions, problems, the composer. Draws only. */
export function ChatView(props: ChatViewProps) {
  const { botName, welcomeMessage, starterQuestions, messages, status, problem, announcement } = props;
  const end = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  // A control that disappears once pressed (a starter question, "New conversation", "Try again",
  // the name prompt's buttons) would leave keyboard focus on the page's body: hand it to the message box instead.
  const thenFocusComposer = (action: () => void) => (event: MouseEvent) => {
    action();
    focusComposer(event, composer.current);
  };
  const busy = status === "submitted" || status === "streaming";
  // The form stands under the latest answer that offered it (reload included), once it is whole.
  const offeredAt = messages.findLastIndex(
    (message, index) => message.contactOffered && !(busy && index === messages.length - 1),
  );

  // Keep the newest words in view as they stream in. The sentinel sits below the sticky composer,
  // which is always "in view" itself and so can't be scrolled to.
  const progress = `${messages.length}:${messages.at(-1)?.text.length ?? 0}`;
  useEffect(() => {
    if (progress !== "0:0") end.current?.scrollIntoView({ block: "end" });
  }, [progress]);

  return (
    <section
      aria-label={`Chat with ${botName}`}
      className="flex flex-1 flex-col"
      data-testid="chat"
      data-ready={props.ready ? "true" : undefined}
      onPointerEnter={props.onWarmUp}
      onFocus={props.onWarmUp}
    >
      <ol aria-label="Conversation" className="flex flex-1 flex-col gap-3 pb-4">
        <li data-testid="welcome-message" className="flex justify-start">
          <div className="max-w-[85%] rounded-2xl rounded-bl-md bg-zinc-100 px-4 py-2.5 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">
            <p className="whitespace-pre-wrap">{welcomeMessage}</p>
          </div>
        </li>
        {messages.map((message, index) => (
          <Fragment key={message.id}>
            <MessageBubble
              role={message.role}
              text={message.text}
              sources={message.sources}
              streaming={status === "streaming" && index === messages.length - 1 && message.role === "assistant"}
              footer={
                message.role === "assistant" && message.messageId && !(busy && index === messages.length - 1) ? (
                  <AnswerFeedbackControls
                    feedback={props.feedback[message.messageId]}
                    onChange={(next) => props.onFeedback(message.messageId ?? "", next)}
                  />
                ) : null
              }
            />
            {index === offeredAt && (
              <li data-testid="contact-offer" className="flex justify-start">
                <ContactForm
                  chatbotId={props.chatbotId}
                  botName={botName}
                  emailRequired={props.contactForm === "email_required"}
                  inConversation
                />
              </li>
            )}
          </Fragment>
        ))}
        {status === "submitted" && (
          <li className="flex justify-start">
            <div className="rounded-2xl rounded-bl-md bg-zinc-100 px-4 py-2.5 dark:bg-zinc-800">
              <TypingDots />
            </div>
          </li>
        )}
      </ol>

      {messages.length === 0 && starterQuestions.length > 0 && (
        <fieldset className="flex flex-wrap gap-2 pb-4">
          <legend className="sr-only">Suggested questions</legend>
          {starterQuestions.map((question) => (
            <button
              key={question}
              type="button"
              data-testid="starter-question"
              onClick={thenFocusComposer(() => props.onSend(question))}
              className="rounded-full border border-(--accent)/40 bg-white px-3.5 py-1.5 text-left text-sm text-zinc-800 hover:border-(--accent) hover:bg-(--accent)/5 dark:bg-zinc-900 dark:text-zinc-100"
            >
              {question}
            </button>
          ))}
        </fieldset>
      )}

      {problem && (
        <div
          role="alert"
          data-testid="chat-error"
          data-kind={problem.kind}
          className="mb-3 flex flex-wrap items-center justify-between gap-2 rounded-2xl border border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <p>{problem.message}</p>
          {retryable(problem) && (
            <ChatButton testId="retry-button" onClick={thenFocusComposer(props.onRetry)} look="retry">
              Try again
            </ChatButton>
          )}
        </div>
      )}

      <div className="sticky bottom-0 space-y-2 bg-white/95 pt-2 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur dark:bg-zinc-950/95">
        {props.askName && (
          <NamePrompt
            onSave={(name) => {
              props.onSaveName(name);
              composer.current?.focus();
            }}
            onSkip={thenFocusComposer(props.onSkipName)}
          />
        )}
        <Composer botName={botName} busy={busy} onSend={props.onSend} onStop={props.onStop} inputRef={composer} />
        {/* Wraps on a phone: the controls go to a line of their own rather than off the edge. */}
        <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          <span>
            {props.visitorName ? `Chatting as ${props.visitorName}` : "Answers come from the owner's profile."}
          </span>
          <span className="ml-auto flex items-center gap-2">
            {messages.length > 0 && (
              <ChatButton testId="new-conversation" onClick={thenFocusComposer(props.onNewConversation)} look="quiet">
                New conversation
              </ChatButton>
            )}
            {messages.length > 0 && props.contactForm !== "off" && (
              <ContactForm
                chatbotId={props.chatbotId}
                botName={props.botName}
                emailRequired={props.contactForm === "email_required"}
              />
            )}
            <ChatMenu chatbotId={props.chatbotId} onDelete={props.onDeleteData} />
          </span>
        </div>
      </div>
      <div ref={end} aria-hidden="true" />
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer">
        {announcement}
      </div>
    </section>
  );
}

const BUTTON_LOOKS = {
  retry:
    "rounded-lg border border-amber-400 px-3 py-1 font-medium hover:bg-amber-100 dark:border-amber-700 dark:hover:bg-amber-900",
  quiet:
    "shrink-0 whitespace-nowrap rounded px-1 underline-offset-2 hover:text-zinc-800 hover:underline dark:hover:text-zinc-200",
};

/** A plain button of the chat's own (the public page stays free of the dashboard's primitives). */
function ChatButton(props: {
  testId: string;
  onClick: (event: MouseEvent) => void;
  look: keyof typeof BUTTON_LOOKS;
  children: ReactNode;
}) {
  return (
    <button type="button" data-testid={props.testId} onClick={props.onClick} className={BUTTON_LOOKS[props.look]}>
      {props.children}
    </button>
  );
}
