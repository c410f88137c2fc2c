import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner } from "@/lib/db";
import {
  blockConversationVisitor,
  conversationBlocks,
  liftBlock,
  listBlocks as listBlockRows,
} from "@/lib/db/queries/blocks";
import { ApiError } from "@/lib/errors";
import type { BlockScope } from "../types";

/**
 * Blocks the visitor behind one of the owner's conversations, or their network (an IPv4 address,
 * an IPv6 /64), at that bot: their chats get a polite refusal, counted but never stored. The
 * address stays in the database; the owner never sees it.
 */
export async function blockVisitor(caller: Caller, input: { conversation: string; scope: BlockScope }) {
  // The conversation's blocks after this one, so an integration has the id it would lift.
  const blocks = await asOwner(caller.claims, async (tx) =>
    (await blockConversationVisitor(tx, { id: input.conversation, scope: input.scope }))
      ? conversationBlocks(tx, { id: input.conversation })
      : null,
  );
  if (!blocks) throw new ApiError("not_found", "Conversation not found, or nothing in it to block.");
  return { blocks };
}

/** The owner's blocks, newest first, at one of their bots or all of them. */
export async function listBlocks(caller: Caller, input: { chatbot_id?: string }) {
  return asOwner(caller.claims, (tx) => listBlockRows(tx, { chatbotId: input.chatbot_id }));
}

/** Lifts one of the owner's blocks. */
export async function unblockVisitor(caller: Caller, input: { id: string }) {
  if (!(await asOwner(caller.claims, (tx) => liftBlock(tx, input)))) throw new ApiError("not_found", "No such block.");
  return null;
}
