import type { PastConversation } from "@/lib/visitors/conversation";

export interface ChatProps {
  chatbotId: string;
  botName: string;
  welcomeMessage: string;
  starterQuestions: string[];
  /** Derived on the server from the visitor's secret cookie. */
  visitorId: string;
  past: PastConversation | null;
}
