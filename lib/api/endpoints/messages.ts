import { endpoint } from "@/lib/api/endpoint";
import { idParamsSchema } from "@/lib/validation/common";
import {
  listMessagesQuerySchema,
  listVisitorsQuerySchema,
  messagePageSchema,
  messageSchema,
  updateMessageSchema,
  visitorPageSchema,
} from "@/lib/validation/messages";

export const listMessagesEndpoint = endpoint({
  method: "get",
  path: "/api/chatbots/{id}/messages",
  operationId: "listMessages",
  summary: "A chatbot's messages, newest first",
  description: "Keyset pagination: pass the previous page's `next_cursor` as `cursor`. Another owner's chatbot is 404.",
  tag: "Messages",
  auth: "required",
  params: idParamsSchema,
  query: listMessagesQuerySchema,
  responses: {
    200: { description: "One page of messages.", body: { name: "MessagePage", schema: messagePageSchema } },
  },
});

export const updateMessageEndpoint = endpoint({
  method: "patch",
  path: "/api/messages/{id}",
  operationId: "updateMessage",
  summary: "Mark a message read or unread",
  tag: "Messages",
  auth: "required",
  params: idParamsSchema,
  body: { name: "MessageUpdate", schema: updateMessageSchema },
  responses: { 200: { description: "The message.", body: { name: "Message", schema: messageSchema } } },
});

export const listVisitorsEndpoint = endpoint({
  method: "get",
  path: "/api/chatbots/{id}/visitors",
  operationId: "listVisitors",
  summary: "Who talked to a chatbot, with first and last visit and message count",
  tag: "Messages",
  auth: "required",
  params: idParamsSchema,
  query: listVisitorsQuerySchema,
  responses: {
    200: { description: "One page of visitors.", body: { name: "VisitorPage", schema: visitorPageSchema } },
  },
});
