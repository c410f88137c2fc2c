import type { AnswerSource, FeedbackRating, MessageStatus } from "@/lib/constants";
import type { Message } from "./schemas";

// What the inbox's pages and components show: rows as lib/db/queries/inbox.ts, blocks.ts and
// messages.ts return them.

export interface ConversationSummary {
  id: string;
  chatbot_id: string;
  chatbot_name: string;
  /** messages.conversation_id of its turns (what the export narrows to). */
  conversation_id: string;
  visitor: { id: string; visitor_id: string; name: string | null } | null;
  started_at: string;
  last_message_at: string;
  last_message: string;
  message_count: number;
  unread_count: number;
  failed_count: number;
}

export interface ConversationTurn {
  id: string;
  message: string;
  response: string | null;
  status: MessageStatus;
  is_read: boolean;
  created_at: string;
  /** What the answer drew on (messages.sources); empty when it drew on nothing or was not answered. */
  sources: AnswerSource[];
  feedback: FeedbackRating | null;
  feedback_comment: string | null;
}

export interface OwnerReply {
  id: string;
  body: string;
  created_at: string;
}

export type BlockScope = "visitor" | "network";

/** One of the owner's blocks, as GET /api/blocks lists it (never a network's address). */
export interface Block {
  id: string;
  chatbot_id: string;
  scope: BlockScope;
  visitor_id: string | null;
  /** The inbox conversation it was made from. */
  conversation: string | null;
  created_at: string;
}

/** One exported turn: what the CSV's columns and the JSON's objects hold. */
export interface ExportedMessage {
  id: string;
  created_at: string;
  conversation_id: string;
  visitor_id: string | null;
  visitor_name: string | null;
  message: string;
  response: string | null;
  status: Message["status"];
  is_read: boolean;
  latency_ms: number | null;
  outcome: Message["outcome"];
  sources: Message["sources"];
  feedback: "up" | "down" | null;
  feedback_comment: string | null;
  /** The owner's replies between this turn and the conversation's next one, blank-line separated. */
  owner_replies: string | null;
}
