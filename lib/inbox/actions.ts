"use server";

import { action } from "@/lib/http/action";
import { idParamsSchema } from "@/lib/validation/common";
import { blockVisitorSchema, inboxChangesSchema, markConversationsSchema, ownerReplySchema } from "./schemas";
import { blockVisitor, unblockVisitor } from "./use-cases/blocks";
import { inboxChanges, markConversations, replyToConversation } from "./use-cases/conversations";

// The inbox's server actions: marking conversations read or unread, replying in one, the poll
// that tells an open inbox something changed, and blocking a conversation's visitor.

/** The page refreshes itself afterwards (router.refresh), which also renews the navigation's count. */
export const markConversationsAction = action(
  { name: "inbox.markConversations", auth: "required", schema: markConversationsSchema },
  ({ input, caller }) => markConversations(caller, input),
);

export const inboxChangesAction = action(
  { name: "inbox.changes", auth: "required", schema: inboxChangesSchema },
  ({ input, caller }) => inboxChanges(caller, input),
);

export const replyAction = action(
  { name: "inbox.reply", auth: "required", schema: ownerReplySchema },
  ({ input, caller }) => replyToConversation(caller, input),
);

export const blockVisitorAction = action(
  { name: "inbox.block", auth: "required", schema: blockVisitorSchema },
  ({ input, caller }) => blockVisitor(caller, input),
);

export const unblockVisitorAction = action(
  { name: "inbox.unblock", auth: "required", schema: idParamsSchema },
  ({ input, caller }) => unblockVisitor(caller, input),
);
