import { endpoints } from "@/lib/api/endpoint";
import {
  blockBodySchema,
  blockListSchema,
  conversationBlocksSchema,
  conversationDetailSchema,
  conversationPageSchema,
  conversationReadStateSchema,
  conversationTurnsQuerySchema,
  exportedMessageSchema,
  exportMessagesQuerySchema,
  listBlocksQuerySchema,
  listConversationsQuerySchema,
  listMessagesQuerySchema,
  listVisitorsQuerySchema,
  messagePageSchema,
  messageSchema,
  ownerReplyBodySchema,
  ownerReplyOutputSchema,
  updateConversationSchema,
  updateMessageSchema,
  visitorPageSchema,
} from "./schemas";

const messages = endpoints({ tag: "Messages", auth: "required" });

export const listMessagesEndpoint = messages("GET /api/chatbots/{id}/messages", "listMessages", {
  summary: "A chatbot's messages, newest first",
  description: "Keyset pagination: pass the previous page's `next_cursor` as `cursor`. Another owner's chatbot is 404.",
  query: listMessagesQuerySchema,
  responses: {
    200: { description: "One page of messages.", body: { name: "MessagePage", schema: messagePageSchema } },
  },
});

export const updateMessageEndpoint = messages("PATCH /api/messages/{id}", "updateMessage", {
  summary: "Mark a message read or unread",
  body: { name: "MessageUpdate", schema: updateMessageSchema },
  responses: { 200: { description: "The message.", body: { name: "Message", schema: messageSchema } } },
});

export const listVisitorsEndpoint = messages("GET /api/chatbots/{id}/visitors", "listVisitors", {
  summary: "Who talked to a chatbot, with first and last visit and message count",
  query: listVisitorsQuerySchema,
  responses: {
    200: { description: "One page of visitors.", body: { name: "VisitorPage", schema: visitorPageSchema } },
  },
});

export const exportMessagesEndpoint = messages("GET /api/chatbots/{id}/messages/export", "exportMessages", {
  summary: "Download a chatbot's messages as CSV or JSON",
  description:
    "Oldest first, streamed. `from` and `to` take an ISO 8601 instant or a date (`to` as a date includes that day); " +
    "`conversation_id` narrows to one conversation. Previews and refused (rate-limited) turns are left out. " +
    "CSV cells starting with =, +, -, @, tab or carriage return get a leading apostrophe so a spreadsheet never runs them. " +
    "Another owner's chatbot is 404.",
  query: exportMessagesQuerySchema,
  responses: {
    200: {
      description:
        "The messages: CSV with a header row (id, created_at, conversation_id, visitor_id, visitor_name, message, response, status, is_read, latency_ms, feedback, feedback_comment, owner_replies), or a JSON array of objects with those fields.",
      body: { arrayOf: { name: "ExportedMessage", schema: exportedMessageSchema } },
      contentType: "text/csv",
      headers: {
        "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } },
      },
    },
  },
});

const conversations = endpoints({ tag: "Conversations", auth: "required" });

export const listConversationsEndpoint = conversations("GET /api/conversations", "listConversations", {
  summary: "The caller's conversations across their chatbots, newest activity first",
  description:
    "The dashboard inbox's list and filters: one chatbot, unread or not, with or without a failed answer, a UTC day range of last activity, and full-text search (`q`: every word as a prefix). Keyset pagination: pass the previous page's `next_cursor` as `cursor`.",
  query: listConversationsQuerySchema,
  responses: {
    200: {
      description: "One page of conversations.",
      body: { name: "ConversationPage", schema: conversationPageSchema },
    },
  },
});

export const getConversationEndpoint = conversations("GET /api/conversations/{id}", "getConversation", {
  summary: "One conversation: a page of its turns, with their sources and feedback, the owner's replies and blocks",
  description:
    "Turns in the order they happened; pass `turns.next_cursor` as `cursor` for the next page. Reading it does not mark it read (PATCH does). Another owner's conversation is 404.",
  query: conversationTurnsQuerySchema,
  responses: {
    200: {
      description: "The conversation.",
      body: { name: "ConversationDetail", schema: conversationDetailSchema },
    },
  },
});

export const updateConversationEndpoint = conversations("PATCH /api/conversations/{id}", "updateConversation", {
  summary: "Mark a conversation's turns read or unread",
  body: { name: "ConversationUpdate", schema: updateConversationSchema },
  responses: {
    200: {
      description: "Its new state.",
      body: { name: "ConversationReadState", schema: conversationReadStateSchema },
    },
  },
});

export const replyToConversationEndpoint = conversations(
  "POST /api/conversations/{id}/replies",
  "replyToConversation",
  {
    summary: "Reply to the visitor in one of the caller's conversations",
    description:
      "Stored beside the turns (it counts toward no limit or quota) and shown to the visitor the next time they open the chat, as the dashboard's reply is. Another owner's conversation is 404.",
    body: { name: "OwnerReplyCreate", schema: ownerReplyBodySchema },
    responses: { 201: { description: "The reply.", body: { name: "OwnerReply", schema: ownerReplyOutputSchema } } },
  },
);

export const blockConversationEndpoint = conversations("POST /api/conversations/{id}/blocks", "blockConversation", {
  summary: "Block the visitor behind a conversation, or the network they write from, at that chatbot",
  description:
    "Their chats then get a polite refusal, counted but never stored. A network is an IPv4 address or an IPv6 /64; the address is never shown. 404 when the conversation isn't the caller's or has nothing to block.",
  body: { name: "BlockCreate", schema: blockBodySchema },
  responses: {
    201: {
      description: "The blocks made from this conversation, this one included.",
      body: { name: "ConversationBlocks", schema: conversationBlocksSchema },
    },
  },
});

const blocks = endpoints({ tag: "Blocks", auth: "required" });

export const listBlocksEndpoint = blocks("GET /api/blocks", "listBlocks", {
  summary: "The caller's blocks, newest first, at one chatbot or all",
  query: listBlocksQuerySchema,
  responses: { 200: { description: "The blocks.", body: { name: "BlockList", schema: blockListSchema } } },
});

export const deleteBlockEndpoint = blocks("DELETE /api/blocks/{id}", "deleteBlock", {
  summary: "Lift a block",
  description: "Another owner's block id is 404, like a missing one.",
  responses: { 204: { description: "Lifted." } },
});
