import type { AnswerOutcome, AnswerSource } from "@/lib/constants";

// What the offline model is asked and what it answers: the shapes its modules share.

export type OfflineTurn = {
  question: string;
  /** The visitor's earlier messages, most recent first. */
  earlierQuestions?: string[];
  /** The bot's earlier replies, most recent first. */
  earlierAnswers?: string[];
  /** The bot takes visitors' details (its contact_form is not off). */
  takesDetails?: boolean;
};
/** The offline model's reply, what kind of reply it is and what it drew on (recorded on the turn for the owner). */
export interface OfflineReply {
  text: string;
  outcome: AnswerOutcome;
  sources: AnswerSource[];
  /** The visitor asked to reach the owner: the chat offers them the contact form. */
  offerContact?: boolean;
}
