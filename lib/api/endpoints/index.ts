import {
  changeEmailEndpoint,
  changePasswordEndpoint,
  deleteAccountEndpoint,
  exportAccountEndpoint,
} from "@/lib/account/endpoints";
import { getChatbotAnalyticsEndpoint } from "@/lib/analytics/endpoints";
import type { Endpoint } from "@/lib/api/endpoint";
import { createApiKeyEndpoint, deleteApiKeyEndpoint, listApiKeysEndpoint } from "@/lib/api-keys/endpoints";
import {
  createChatbotEndpoint,
  deleteChatbotEndpoint,
  getChatbotEndpoint,
  getChatbotKnowledgeEndpoint,
  listChatbotsEndpoint,
  setChatbotKnowledgeEndpoint,
  updateChatbotEndpoint,
} from "@/lib/chatbots/endpoints";
import { listContactsEndpoint } from "@/lib/contacts/endpoints";
import {
  blockConversationEndpoint,
  deleteBlockEndpoint,
  exportMessagesEndpoint,
  getConversationEndpoint,
  listBlocksEndpoint,
  listConversationsEndpoint,
  listMessagesEndpoint,
  listVisitorsEndpoint,
  replyToConversationEndpoint,
  updateConversationEndpoint,
  updateMessageEndpoint,
} from "@/lib/inbox/endpoints";
import {
  createKnowledgeEndpoint,
  deleteKnowledgeEndpoint,
  getKnowledgeEndpoint,
  importKnowledgeWebPageEndpoint,
  listKnowledgeEndpoint,
  replaceKnowledgeEndpoint,
  uploadKnowledgeDocumentEndpoint,
} from "@/lib/knowledge/endpoints";
import { botMcpEndpoint, ownerMcpEndpoint } from "@/lib/mcp/endpoints";
import { getNotificationSettingsEndpoint, putNotificationSettingsEndpoint } from "@/lib/notifications/endpoints";
import { getProfileEndpoint, putProfileEndpoint } from "@/lib/profiles/endpoints";
import {
  answerQuestionEndpoint,
  dismissQuestionEndpoint,
  improveAnswerEndpoint,
  listQuestionsEndpoint,
} from "@/lib/questions/endpoints";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveriesEndpoint,
  listWebhooksEndpoint,
  testWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import { createTokenEndpoint, logoutEndpoint, signUpEndpoint } from "./auth";
import {
  chatEndpoint,
  feedbackEndpoint,
  forgetVisitorEndpoint,
  leaveContactEndpoint,
  revokeReplyLinksEndpoint,
  visitorDataEndpoint,
} from "./chat";
import { runJobsByGetEndpoint, runJobsEndpoint } from "./jobs";
import { healthEndpoint, openapiEndpoint } from "./meta";

/**
 * Every endpoint of the API, in the order the OpenAPI document lists them. A route file serves
 * one of these through route(); tests/integration/openapi.test.ts fails when a route and this list
 * disagree.
 */
export const endpoints: readonly Endpoint[] = [
  signUpEndpoint,
  createTokenEndpoint,
  logoutEndpoint,
  listApiKeysEndpoint,
  createApiKeyEndpoint,
  deleteApiKeyEndpoint,
  exportAccountEndpoint,
  changePasswordEndpoint,
  changeEmailEndpoint,
  deleteAccountEndpoint,
  getProfileEndpoint,
  putProfileEndpoint,
  listChatbotsEndpoint,
  createChatbotEndpoint,
  getChatbotEndpoint,
  updateChatbotEndpoint,
  deleteChatbotEndpoint,
  getChatbotKnowledgeEndpoint,
  setChatbotKnowledgeEndpoint,
  listKnowledgeEndpoint,
  createKnowledgeEndpoint,
  uploadKnowledgeDocumentEndpoint,
  importKnowledgeWebPageEndpoint,
  getKnowledgeEndpoint,
  replaceKnowledgeEndpoint,
  deleteKnowledgeEndpoint,
  chatEndpoint,
  feedbackEndpoint,
  visitorDataEndpoint,
  forgetVisitorEndpoint,
  revokeReplyLinksEndpoint,
  leaveContactEndpoint,
  listMessagesEndpoint,
  exportMessagesEndpoint,
  updateMessageEndpoint,
  listVisitorsEndpoint,
  improveAnswerEndpoint,
  listConversationsEndpoint,
  getConversationEndpoint,
  updateConversationEndpoint,
  replyToConversationEndpoint,
  blockConversationEndpoint,
  listBlocksEndpoint,
  deleteBlockEndpoint,
  listQuestionsEndpoint,
  answerQuestionEndpoint,
  dismissQuestionEndpoint,
  getChatbotAnalyticsEndpoint,
  getNotificationSettingsEndpoint,
  putNotificationSettingsEndpoint,
  listWebhooksEndpoint,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  testWebhookEndpoint,
  listWebhookDeliveriesEndpoint,
  listContactsEndpoint,
  ownerMcpEndpoint,
  botMcpEndpoint,
  runJobsEndpoint,
  runJobsByGetEndpoint,
  healthEndpoint,
  openapiEndpoint,
];
