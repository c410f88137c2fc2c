import { endpoints } from "@/lib/api/endpoint";
import { idParamsSchema } from "@/lib/validation/common";
import {
  listMessagesQuerySchema,
  listVisitorsQuerySchema,
  messagePageSchema,
  messageSchema,
  updateMessageSchema,
  visitorPageSchema,
} from "@/lib/validation/messages";

const messages = endpoints({ tag: "Messages", auth: "required" });

export const listMessagesEndpoint = messages("GET /api/chatbots/{id}/messages", "listMessages", {
  summary: "A chatbot's messages, newest first",
  description: "Keyset pagination: pass the previous page's `next_cursor` as `cursor`. Another owner's chatbot is 404.",
  params: idParamsSchema,
  query: listMessagesQuerySchema,
  responses: {
    200: { description: "One page of messages.", body: { name: "MessagePage", schema: messagePageSchema } },
  },
});

export const updateMessageEndpoint = messages("PATCH /api/messages/{id}", "updateMessage", {
  summary: "Mark a message read or unread",
  params: idParamsSchema,
  body: { name: "MessageUpdate", schema: updateMessageSchema },
  responses: { 200: { description: "The message.", body: { name: "Message", schema: messageSchema } } },
});

export const listVisitorsEndpoint = messages("GET /api/chatbots/{id}/visitors", "listVisitors", {
  summary: "Who talked to a chatbot, with first and last visit and message count",
  params: idParamsSchema,
  query: listVisitorsQuerySchema,
  responses: {
    200: { description: "One page of visitors.", body: { name: "VisitorPage", schema: visitorPageSchema } },
  },
});
