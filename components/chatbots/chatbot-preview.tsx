"use client";

import { RotateCcw, Send } from "lucide-react";
import { type FormEvent, useRef, useState } from "react";
import { accentStyle } from "@/components/chat/accent";
import { MessageBubble } from "@/components/chat/message-bubble";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { ConfigurationInput } from "@/lib/chatbots/configuration";
import type { AnswerSource } from "@/lib/constants";

// Who wrote a bubble (as MessageBubble names it; not an ARIA role).
const ASSISTANT = "assistant" as const;
const USER = "user" as const;

interface ChatbotPreviewProps {
  chatbotId: string | null;
  name: string;
  /** The form's unsaved configuration: each preview turn answers with it. */
  configuration: ConfigurationInput;
}

interface Turn {
  id: string;
  question: string;
  answer: string | null;
  /** Present when the previewed settings show sources, as visitors would see them. */
  sources?: AnswerSource[];
}

/**
 * The owner trying the bot beside its form, with the unsaved settings: POST /api/chat with
 * `preview`, which only the bot's owner may send. Preview turns count toward the monthly quota and
 * stay out of the inbox and analytics.
 */
export function ChatbotPreview({ chatbotId, name, configuration }: ChatbotPreviewProps) {
  const [turns, setTurns] = useState<Turn[]>([]);
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const conversation = useRef<string | null>(null);

  const ask = async (question: string) => {
    if (!chatbotId || question.trim() === "" || busy) return;
    const id = crypto.randomUUID();
    setTurns((current) => [...current, { id, question, answer: null }]);
    setDraft("");
    setProblem(null);
    setBusy(true);
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          chatbot_id: chatbotId,
          visitor_id: `preview-${chatbotId}`,
          conversation_id: conversation.current,
          message: question,
          preview: configuration,
        }),
        signal: AbortSignal.timeout(120_000),
      });
      const body = (await response.json()) as {
        response?: string;
        conversation_id?: string;
        sources?: AnswerSource[];
        error?: { message: string };
      };
      if (!response.ok || body.response === undefined) throw new Error(body.error?.message ?? "The preview failed.");
      conversation.current = body.conversation_id ?? conversation.current;
      setTurns((current) =>
        current.map((turn) =>
          turn.id === id ? { ...turn, answer: body.response ?? "", sources: body.sources } : turn,
        ),
      );
    } catch (error) {
      setTurns((current) => current.filter((turn) => turn.id !== id));
      setDraft(question);
      setProblem(error instanceof Error ? error.message : "The preview failed.");
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void ask(draft);
  };
  const restart = () => {
    conversation.current = null;
    setTurns([]);
    setProblem(null);
  };

  return (
    <Card className="lg:sticky lg:top-4 lg:self-start" data-testid="chatbot-preview">
      <CardHeader>
        <CardTitle>Preview</CardTitle>
        <CardDescription>
          Chat with {name.trim() || "your bot"} as visitors will, with the settings on this page, saved or not. Visitors
          never see these messages.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3" style={accentStyle(configuration.theme?.accent_color ?? "#2563eb")}>
        {chatbotId ? (
          <>
            <ol aria-live="polite" className="grid max-h-96 min-h-24 gap-3 overflow-y-auto">
              {configuration.welcome_message ? (
                <MessageBubble role={ASSISTANT} text={configuration.welcome_message} />
              ) : null}
              {turns.map((turn) => (
                <PreviewTurn key={turn.id} turn={turn} />
              ))}
            </ol>
            {turns.length === 0 && (configuration.starter_questions?.length ?? 0) > 0 ? (
              <div className="flex flex-wrap gap-2">
                {configuration.starter_questions?.map((question) => (
                  <Button key={question} variant="secondary" size="sm" onClick={() => void ask(question)}>
                    {question}
                  </Button>
                ))}
              </div>
            ) : null}
            {problem ? (
              <p
                role="alert"
                className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
              >
                {problem}
              </p>
            ) : null}
            <form onSubmit={submit} className="flex gap-2">
              <Input
                aria-label="Message to the preview"
                placeholder="Ask something…"
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                data-testid="preview-input"
              />
              <Button type="submit" size="icon" aria-label="Send" loading={busy}>
                <Send aria-hidden />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                aria-label="Start over"
                onClick={restart}
                disabled={turns.length === 0}
              >
                <RotateCcw aria-hidden />
              </Button>
            </form>
          </>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Create the chatbot first; then you can try it here while you change its settings.
          </p>
        )}
      </CardContent>
    </Card>
  );
}

function PreviewTurn({ turn }: { turn: Turn }) {
  return (
    <>
      <MessageBubble role={USER} text={turn.question} />
      <MessageBubble
        role={ASSISTANT}
        text={turn.answer ?? ""}
        sources={turn.sources}
        streaming={turn.answer === null}
      />
    </>
  );
}
