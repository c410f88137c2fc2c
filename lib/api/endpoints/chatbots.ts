import { endpoint } from "@/lib/api/endpoint";
import { chatbotSchema } from "@/lib/validation/chatbot";
import { createChatbotBodySchema, updateChatbotBodySchema } from "@/lib/validation/chatbot-server";
import { idParamsSchema } from "@/lib/validation/common";

const Chatbot = { name: "Chatbot", schema: chatbotSchema };

export const listChatbotsEndpoint = endpoint({
  method: "get",
  path: "/api/chatbots",
  operationId: "listChatbots",
  summary: "The caller's chatbots, oldest first",
  tag: "Chatbots",
  auth: "required",
  responses: { 200: { description: "The caller's chatbots.", body: { arrayOf: Chatbot } } },
});

export const createChatbotEndpoint = endpoint({
  method: "post",
  path: "/api/chatbots",
  operationId: "createChatbot",
  summary: "Create a chatbot",
  description:
    "Without `public_url_slug`, one is made from the name (ASCII-folded, numeric suffix when taken). `configuration.model` must be on the server's allow-list (CHAT_MODELS). `user_id` in the body is ignored.",
  tag: "Chatbots",
  auth: "required",
  body: { name: "ChatbotCreate", schema: createChatbotBodySchema },
  responses: { 201: { description: "The new chatbot, configuration complete with defaults.", body: Chatbot } },
  errors: ["conflict"],
});

export const getChatbotEndpoint = endpoint({
  method: "get",
  path: "/api/chatbots/{id}",
  operationId: "getChatbot",
  summary: "One of the caller's chatbots",
  description: "Another owner's chatbot, or an id that doesn't exist (malformed included), is 404.",
  tag: "Chatbots",
  auth: "required",
  params: idParamsSchema,
  responses: { 200: { description: "The chatbot.", body: Chatbot } },
});

export const updateChatbotEndpoint = endpoint({
  method: "patch",
  path: "/api/chatbots/{id}",
  operationId: "updateChatbot",
  summary: "Change some of a chatbot's fields",
  description:
    "`configuration` merges at its top level: a key given replaces that key, a key given as null returns to its default.",
  tag: "Chatbots",
  auth: "required",
  params: idParamsSchema,
  body: { name: "ChatbotUpdate", schema: updateChatbotBodySchema },
  responses: { 200: { description: "The updated chatbot.", body: Chatbot } },
  errors: ["conflict"],
});

export const deleteChatbotEndpoint = endpoint({
  method: "delete",
  path: "/api/chatbots/{id}",
  operationId: "deleteChatbot",
  summary: "Delete a chatbot with its visitors and messages",
  tag: "Chatbots",
  auth: "required",
  params: idParamsSchema,
  responses: { 204: { description: "Deleted." } },
});
