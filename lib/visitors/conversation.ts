// What private.visitor_conversation returns; shared by the server loader and the chat client,
// so nothing server-only here.

import type { ChatbotConfiguration } from "@/lib/chatbots/configuration";
import type { AnswerSource, FeedbackRating, MessageStatus } from "@/lib/constants";

/** Refused turns never reached the model, so visitor_conversation leaves them out. */
export type TurnStatus = Exclude<MessageStatus, "rate_limited">;

export interface PastTurn {
  id: string;
  message: string;
  response: string | null;
  status: TurnStatus;
  created_at: string;
  /** What the answer drew on; null unless the bot shows sources to visitors. */
  sources: AnswerSource[] | null;
  feedback: FeedbackRating | null;
  feedback_comment: string | null;
  /** The answer offered the contact form, and the visitor has left no details since. */
  contact_offered: boolean;
}

/** What the owner wrote back, shown to the visitor marked as from the owner. */
export interface PastReply {
  id: string;
  body: string;
  created_at: string;
}

export interface PastConversation {
  visitor_name: string | null;
  conversation_id: string | null;
  turns: PastTurn[];
  replies: PastReply[];
}

/** What the public page hands its chat: the bot, and this visitor's id and latest conversation. */
export interface ChatProps {
  chatbotId: string;
  botName: string;
  welcomeMessage: string;
  starterQuestions: string[];
  /** Whether visitors may leave their details here (configuration.contact_form), and whether an email must come with them. */
  contactForm: ChatbotConfiguration["contact_form"];
  /** Derived on the server from the visitor's secret cookie. */
  visitorId: string;
  past: PastConversation | null;
}
