import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner } from "@/lib/db";
import { blockConversationVisitor, liftBlock } from "@/lib/db/queries/blocks";
import { ApiError } from "@/lib/errors";
import type { BlockScope } from "../types";

/**
 * Blocks the visitor behind one of the owner's conversations, or their network (an IPv4 address,
 * an IPv6 /64), at that bot: their chats get a polite refusal, counted but never stored. The
 * address stays in the database; the owner never sees it.
 */
export async function blockVisitor(caller: Caller, input: { conversation: string; scope: BlockScope }) {
  const blocked = await asOwner(caller.claims, (tx) =>
    blockConversationVisitor(tx, { id: input.conversation, scope: input.scope }),
  );
  if (!blocked) throw new ApiError("not_found", "Conversation not found, or nothing in it to block.");
  return null;
}

/** Lifts one of the owner's blocks. */
export async function unblockVisitor(caller: Caller, input: { id: string }) {
  if (!(await asOwner(caller.claims, (tx) => liftBlock(tx, input)))) throw new ApiError("not_found", "No such block.");
  return null;
}
