import { endpoints } from "@/lib/api/endpoint";
import {
  exportedMessageSchema,
  exportMessagesQuerySchema,
  listMessagesQuerySchema,
  listVisitorsQuerySchema,
  messagePageSchema,
  messageSchema,
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
