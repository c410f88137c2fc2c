import { describe, expect, it } from "vitest";
import { describeChatError, retryable } from "@/components/chat/chat-error";

/** What the AI SDK's transport throws for a non-2xx answer: the body as message, and the status. */
function httpError(statusCode: number, body: unknown): Error {
  return Object.assign(new Error(typeof body === "string" ? body : JSON.stringify(body)), { statusCode });
}

describe("the chat's words for what went wrong", () => {
  it("passes on the server's rate-limit message, with a retry", () => {
    const problem = describeChatError(
      httpError(429, { error: { code: "rate_limited", message: "Please wait a moment and try again." } }),
    );
    expect(problem).toEqual({ kind: "rate_limited", message: "Please wait a moment and try again." });
    expect(retryable(problem)).toBe(true);
  });

  it("says a chatbot that has gone is gone, without a retry", () => {
    const problem = describeChatError(httpError(404, { error: { code: "not_found", message: "Chatbot not found." } }));
    expect(problem).toEqual({ kind: "gone", message: "This chatbot isn't available any more." });
    expect(retryable(problem)).toBe(false);
  });

  it("shows the server's own message for a rejected request", () => {
    const problem = describeChatError(
      httpError(400, { error: { code: "validation_failed", message: "message: Too long." } }),
    );
    expect(problem).toEqual({ kind: "rejected", message: "message: Too long." });
    expect(retryable(problem)).toBe(false);
    expect(describeChatError(httpError(413, "")).kind).toBe("rejected");
  });

  it("blames the connection when the request never got an answer", () => {
    for (const error of [new TypeError("Failed to fetch"), new TypeError("fetch failed"), httpError(503, "")]) {
      const problem = describeChatError(error);
      expect(problem.kind).toBe("unavailable");
      expect(problem.message).toContain("Check your connection");
      expect(retryable(problem)).toBe(true);
    }
  });

  it("shows a model failure mid-stream in the server's words, read from the error part's code", () => {
    // useChat reports an error part as an Error whose message is the part's errorText.
    const midStream = new Error(
      JSON.stringify({ error: { code: "model_error", message: "The assistant couldn't finish that answer." } }),
    );
    expect(describeChatError(midStream)).toEqual({
      kind: "model_error",
      message: "The assistant couldn't finish that answer.",
    });
    expect(describeChatError(httpError(502, { error: { code: "model_error", message: "x" } }))).toEqual({
      kind: "model_error",
      message: "The assistant couldn't answer just now. Please try again.",
    });
  });
});
