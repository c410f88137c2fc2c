import { endpoints } from "@/lib/api/endpoint";
import { chatbotKnowledgeInputSchema, chatbotKnowledgeSchema, chatbotSchema } from "./schemas";
import { createChatbotBodySchema, updateChatbotBodySchema } from "./server-schemas";

const chatbots = endpoints({ tag: "Chatbots", auth: "required" });

const Chatbot = { name: "Chatbot", schema: chatbotSchema };

export const listChatbotsEndpoint = chatbots("GET /api/chatbots", "listChatbots", {
  summary: "The caller's chatbots, oldest first",
  responses: { 200: { description: "The caller's chatbots.", body: { arrayOf: Chatbot } } },
});

export const createChatbotEndpoint = chatbots("POST /api/chatbots", "createChatbot", {
  summary: "Create a chatbot",
  description:
    "Without `public_url_slug`, one is made from the name (ASCII-folded, numeric suffix when taken). `configuration.model` must be on the server's allow-list (CHAT_MODELS). `user_id` in the body is ignored.",
  body: { name: "ChatbotCreate", schema: createChatbotBodySchema },
  responses: { 201: { description: "The new chatbot, configuration complete with defaults.", body: Chatbot } },
  errors: ["conflict"],
});

export const getChatbotEndpoint = chatbots("GET /api/chatbots/{id}", "getChatbot", {
  summary: "One of the caller's chatbots",
  description: "Another owner's chatbot, or an id that doesn't exist (malformed included), is 404.",
  responses: { 200: { description: "The chatbot.", body: Chatbot } },
});

export const updateChatbotEndpoint = chatbots("PATCH /api/chatbots/{id}", "updateChatbot", {
  summary: "Change some of a chatbot's fields",
  description:
    "`configuration` merges at its top level: a key given replaces that key, a key given as null returns to its default.",
  body: { name: "ChatbotUpdate", schema: updateChatbotBodySchema },
  responses: { 200: { description: "The updated chatbot.", body: Chatbot } },
  errors: ["conflict"],
});

export const deleteChatbotEndpoint = chatbots("DELETE /api/chatbots/{id}", "deleteChatbot", {
  summary: "Delete a chatbot with its visitors and messages",
  responses: { 204: { description: "Deleted." } },
});

const ChatbotKnowledge = { name: "ChatbotKnowledge", schema: chatbotKnowledgeSchema };

export const getChatbotKnowledgeEndpoint = chatbots("GET /api/chatbots/{id}/knowledge", "getChatbotKnowledge", {
  summary: "Which knowledge items a chatbot answers from",
  description: 'A new chatbot answers from all of its owner\'s items (`scope: "all"`).',
  responses: { 200: { description: "The chatbot's knowledge scope and subset.", body: ChatbotKnowledge } },
});

export const setChatbotKnowledgeEndpoint = chatbots("PUT /api/chatbots/{id}/knowledge", "setChatbotKnowledge", {
  summary: "Choose which knowledge items a chatbot answers from",
  description:
    'With `scope: "selected"` the bot answers from the items in `item_ids` only (an empty list: from the profile alone); with `"all"` from every item, `item_ids` being kept for later. An id that is not one of the caller\'s items is 400. A Q&A written in answer to one of the bot\'s unanswered questions joins its subset.',
  body: { name: "ChatbotKnowledgeChoice", schema: chatbotKnowledgeInputSchema },
  responses: { 200: { description: "The chatbot's knowledge scope and subset.", body: ChatbotKnowledge } },
});
