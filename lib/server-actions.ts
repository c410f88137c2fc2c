import "server-only";
import {
  changeEmailAction,
  changePasswordAction,
  confirmEmailAction,
  confirmPasswordAction,
  deleteAccountAction,
  forgotPasswordAction,
  resetPasswordAction,
  signOutEverywhereAction,
} from "@/lib/account/actions";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { signInAction, signOutAction, signUpAction } from "@/lib/auth/actions";
import {
  checkSlugAction,
  createChatbotAction,
  deleteChatbotAction,
  setChatbotKnowledgeAction,
  updateChatbotAction,
} from "@/lib/chatbots/actions";
import type { RegisteredAction } from "@/lib/http/action";
import {
  blockVisitorAction,
  inboxChangesAction,
  markConversationsAction,
  replyAction,
  unblockVisitorAction,
} from "@/lib/inbox/actions";
import {
  addNoteAction,
  addQuestionAndAnswerAction,
  deleteKnowledgeAction,
  importWebPageAction,
  uploadDocumentAction,
} from "@/lib/knowledge/actions";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";
import { saveProfileAction } from "@/lib/profiles/actions";
import { answerQuestionAction, dismissQuestionAction, improveAnswerAction } from "@/lib/questions/actions";
import { createWebhookAction, deleteWebhookAction, testWebhookAction } from "@/lib/webhooks/actions";

/**
 * Every server action of the app, each built with action(). A new action is added here, or
 * tests/integration/server-actions.test.ts fails (it finds every export of every "use server"
 * module and looks it up in this list), and tests/integration/authorization-matrix.test.ts wants
 * a row saying who may call it.
 */
export const serverActions: readonly RegisteredAction[] = [
  signInAction,
  signUpAction,
  signOutAction,
  saveProfileAction,
  saveNotificationSettingsAction,
  createChatbotAction,
  updateChatbotAction,
  deleteChatbotAction,
  checkSlugAction,
  setChatbotKnowledgeAction,
  addQuestionAndAnswerAction,
  addNoteAction,
  uploadDocumentAction,
  importWebPageAction,
  deleteKnowledgeAction,
  markConversationsAction,
  inboxChangesAction,
  replyAction,
  blockVisitorAction,
  unblockVisitorAction,
  answerQuestionAction,
  dismissQuestionAction,
  improveAnswerAction,
  createApiKeyAction,
  revokeApiKeyAction,
  createWebhookAction,
  testWebhookAction,
  deleteWebhookAction,
  confirmPasswordAction,
  changePasswordAction,
  changeEmailAction,
  signOutEverywhereAction,
  deleteAccountAction,
  forgotPasswordAction,
  resetPasswordAction,
  confirmEmailAction,
];
