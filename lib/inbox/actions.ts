"use server";

import { asOwner } from "@/lib/db";
import { blockConversationVisitor, liftBlock } from "@/lib/db/queries/blocks";
import { addOwnerReply, countUnread, latestInboxChange, setConversationsRead } from "@/lib/db/queries/inbox";
import { ApiError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { idParamsSchema } from "@/lib/validation/common";
import {
  blockVisitorSchema,
  inboxChangesSchema,
  markConversationsSchema,
  ownerReplySchema,
} from "@/lib/validation/inbox";

// The inbox's server actions: marking conversations read or unread, replying in one, and the
// poll that tells an open inbox something changed.

/**
 * Marks one or several of the owner's conversations read or unread; any id not theirs refuses the
 * lot. The page refreshes itself afterwards (router.refresh), which also renews the navigation's count.
 */
export const markConversationsAction = action(
  { name: "inbox.markConversations", auth: "required", schema: markConversationsSchema },
  async ({ input, caller }) => {
    const ids = [...new Set(input.ids)];
    await asOwner(caller.claims, async (tx) => {
      const found = await setConversationsRead(tx, { ids, isRead: input.is_read });
      // Thrown inside the transaction, so nothing of a partly foreign list is changed.
      if (found !== ids.length) throw new ApiError("not_found", "Conversation not found.");
    });
    return { ids, is_read: input.is_read };
  },
);

/**
 * What an open inbox polls: the newest change to any of the owner's conversations and their
 * unread count, two index reads. `changed` when it differs from what the page showed.
 */
export const inboxChangesAction = action(
  { name: "inbox.changes", auth: "required", schema: inboxChangesSchema },
  async ({ input, caller }) => {
    const { latest, unread } = await asOwner(caller.claims, async (tx) => ({
      latest: await latestInboxChange(tx),
      unread: await countUnread(tx),
    }));
    return { latest, unread, changed: latest !== null && latest !== (input.since ?? null) };
  },
);

/**
 * The owner's reply in one of their conversations: stored beside the turns (never as a message, so
 * it counts toward no limit or quota) and shown to the visitor the next time they open the chat.
 */
export const replyAction = action(
  { name: "inbox.reply", auth: "required", schema: ownerReplySchema },
  async ({ input, caller }) => {
    const reply = await asOwner(caller.claims, (tx) => addOwnerReply(tx, input));
    if (!reply) throw new ApiError("not_found", "Conversation not found.");
    return reply;
  },
);

/**
 * Blocks the visitor behind one of the owner's conversations, or their network (an IPv4 address,
 * an IPv6 /64), at that bot: their chats get a polite refusal, counted but never stored. The
 * address stays in the database; the owner never sees it.
 */
export const blockVisitorAction = action(
  { name: "inbox.block", auth: "required", schema: blockVisitorSchema },
  async ({ input, caller }) => {
    const blocked = await asOwner(caller.claims, (tx) =>
      blockConversationVisitor(tx, { id: input.conversation, scope: input.scope }),
    );
    if (!blocked) throw new ApiError("not_found", "Conversation not found, or nothing in it to block.");
    return null;
  },
);

/** Lifts one of the owner's blocks. */
export const unblockVisitorAction = action(
  { name: "inbox.unblock", auth: "required", schema: idParamsSchema },
  async ({ input, caller }) => {
    if (!(await asOwner(caller.claims, (tx) => liftBlock(tx, input))))
      throw new ApiError("not_found", "No such block.");
    return null;
  },
);
