import type { AnswerSource } from "@/lib/constants";
import type { ChatProblem } from "./chat-error";

/** A message as the view draws it, whether it came from the page's HTML or a live stream. */
export interface ViewMessage {
  id: string;
  /** owner: a reply the bot's owner wrote from their inbox. */
  role: "user" | "assistant" | "owner";
  text: string;
  /** What an answer drew on, when the bot shows its sources (sent with the answer's finish). */
  sources?: AnswerSource[];
  /** An answer's stored id (what feedback is given on); unknown until the server has said it. */
  messageId?: string;
  /** The chat offers the contact form under this answer (sent with the answer's finish). */
  contactOffered?: boolean;
}

export type ViewStatus = "ready" | "submitted" | "streaming" | "error";

/** What the chat engine reports to the view as the conversation moves. */
export interface LiveState {
  messages: ViewMessage[];
  status: ViewStatus;
  problem: ChatProblem | null;
  announcement: string;
  /** The conversation the next message continues; null: the next message starts one. */
  conversationId: string | null;
}
