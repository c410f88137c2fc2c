// Turns whatever useChat reports into words for a visitor. The API's error bodies are
// {"error":{"code","message"}} with messages already written for visitors; a failure mid-stream
// carries the same body as its error part's text, which useChat reports as the error's message.

export interface ChatProblem {
  kind: "rate_limited" | "model_error" | "unavailable" | "gone" | "rejected";
  message: string;
}

const FALLBACK: Record<ChatProblem["kind"], string> = {
  rate_limited: "You're sending messages a little fast. Please wait a moment, then try again.",
  model_error: "The assistant couldn't answer just now. Please try again.",
  unavailable: "We couldn't reach the assistant. Check your connection and try again.",
  gone: "This chatbot isn't available any more.",
  rejected: "The assistant couldn't take that message.",
};

/** The chat's own code didn't load (offline, or a deploy replaced it): retrying may help. */
export const ENGINE_UNAVAILABLE: ChatProblem = { kind: "unavailable", message: FALLBACK.unavailable };

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

/** Whether sending the same message again could go differently. */
export function retryable(problem: ChatProblem): boolean {
  return problem.kind !== "gone" && problem.kind !== "rejected";
}

export function describeChatError(error: Error): ChatProblem {
  const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : undefined;
  const body = apiError(error.message);
  if (status === 429 || body?.code === "rate_limited") {
    return { kind: "rate_limited", message: body?.message ?? FALLBACK.rate_limited };
  }
  if (status === 502 || body?.code === "model_error") {
    // No status: the stream failed midway, after part of the answer showed; the server's message
    // says so, where the fallback speaks of an answer that never started.
    const midStream = status === undefined ? body?.message : undefined;
    return { kind: "model_error", message: midStream ?? FALLBACK.model_error };
  }
  // The bot was deleted or made private since the page loaded: retrying won't bring it back.
  if (status === 404 || body?.code === "not_found") return { kind: "gone", message: FALLBACK.gone };
  // The server names what was wrong with the request (a message too long, say); the same request
  // would fail the same way, so no retry either.
  if ((status !== undefined && status >= 400 && status < 500) || body?.code === "validation_failed") {
    return { kind: "rejected", message: body?.message ?? FALLBACK.rejected };
  }
  // Everything else, a failed fetch (TypeError) and server errors alike: a connection problem.
  return { kind: "unavailable", message: FALLBACK.unavailable };
}
