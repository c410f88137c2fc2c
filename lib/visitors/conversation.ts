// What private.visitor_conversation returns; shared by the server loader and the chat client,
// so nothing server-only here.

export type TurnStatus = "pending" | "answered" | "failed" | "aborted";

export interface PastTurn {
  id: string;
  message: string;
  response: string | null;
  status: TurnStatus;
  created_at: string;
}

export interface PastConversation {
  visitor_name: string | null;
  conversation_id: string | null;
  turns: PastTurn[];
}
