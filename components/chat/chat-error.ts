// Turns whatever useChat reports into words for a visitor. The API's error bodies are
// {"error":{"code","message"}} with messages already written for visitors; in-stream failures
// arrive as the server's own friendly errorText.

export interface ChatProblem {
  kind: "rate_limited" | "model_error" | "unavailable";
  message: string;
}

const FALLBACK: Record<ChatProblem["kind"], string> = {
  rate_limited: "You're sending messages a little fast. Please wait a moment, then try again.",
  model_error: "The assistant couldn't answer just now. Please try again.",
  unavailable: "We couldn't reach the assistant. Check your connection and try again.",
};

function apiError(message: string): { code?: string; message?: string } | null {
  try {
    const parsed: unknown = JSON.parse(message);
    if (typeof parsed !== "object" || parsed === null || !("error" in parsed)) return null;
    const { error } = parsed;
    if (typeof error !== "object" || error === null) return null;
    return {
      code: "code" in error && typeof error.code === "string" ? error.code : undefined,
      message: "message" in error && typeof error.message === "string" ? error.message : undefined,
    };
  } catch {
    return null;
  }
}

export function describeChatError(error: Error): ChatProblem {
  const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : undefined;
  const body = apiError(error.message);
  if (status === 429 || body?.code === "rate_limited") {
    return { kind: "rate_limited", message: body?.message ?? FALLBACK.rate_limited };
  }
  if (status === 502 || body?.code === "model_error") return { kind: "model_error", message: FALLBACK.model_error };
  // No status: the stream itself failed midway, and its text is the server's message for visitors.
  if (status === undefined && !body && error.message.startsWith("The assistant")) {
    return { kind: "model_error", message: error.message };
  }
  return { kind: "unavailable", message: FALLBACK.unavailable };
}
