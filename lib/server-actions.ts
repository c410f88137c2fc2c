import "server-only";
import { signInAction, signOutAction, signUpAction } from "@/lib/auth/actions";
import { checkSlugAction, createChatbotAction, deleteChatbotAction, updateChatbotAction } from "@/lib/chatbots/actions";
import type { RegisteredAction } from "@/lib/http/action";
import { inboxChangesAction, markConversationsAction } from "@/lib/inbox/actions";
import { saveProfileAction } from "@/lib/profiles/actions";

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
  createChatbotAction,
  updateChatbotAction,
  deleteChatbotAction,
  checkSlugAction,
  markConversationsAction,
  inboxChangesAction,
];
