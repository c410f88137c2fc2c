import "server-only";
import type { Queryable } from "@/lib/db";
import type { Block, BlockScope } from "@/lib/inbox/types";
import { isoTimestamp } from "./timestamps";

/**
 * Run as the owner: blocks the visitor, or their network, behind one of their inbox conversations
 * (private.block_conversation_visitor reads the address; the owner never sees it). False when the
 * conversation isn't theirs, or has no visitor or address to block.
 */
export async function blockConversationVisitor(
  tx: Queryable,
  { id, scope }: { id: string; scope: BlockScope },
): Promise<boolean> {
  const [row] = await tx.query<{ blocked: boolean }>("select private.block_conversation_visitor($1, $2) as blocked", [
    id,
    scope,
  ]);
  return row.blocked;
}

/** Run as the owner: the blocks made from one of their conversations, by kind. */
export async function conversationBlocks(
  tx: Queryable,
  { id }: { id: string },
): Promise<Array<{ id: string; scope: BlockScope }>> {
  return tx.query(
    `select id, case when visitor_id is null then 'network' else 'visitor' end as scope
       from public.blocked_visitors where blocked_from = $1 order by created_at`,
    [id],
  );
}

/** Run as the owner: lifts one of their blocks; false when it isn't theirs. */
export async function liftBlock(tx: Queryable, { id }: { id: string }): Promise<boolean> {
  const rows = await tx.query("delete from public.blocked_visitors where id = $1 returning id", [id]);
  return rows.length > 0;
}

/** Run as the owner: their blocks, newest first, at one bot or all; a network block shows no address. */
export async function listBlocks(tx: Queryable, { chatbotId }: { chatbotId?: string }): Promise<Block[]> {
  const rows = await tx.query<Omit<Block, "created_at"> & { created_at: Date }>(
    `select id, chatbot_id, case when visitor_id is null then 'network' else 'visitor' end as scope,
            visitor_id, blocked_from as conversation, created_at
       from public.blocked_visitors
      where $1::uuid is null or chatbot_id = $1
      order by created_at desc, id desc`,
    [chatbotId ?? null],
  );
  return rows.map((row) => ({ ...row, created_at: isoTimestamp(row.created_at) }));
}
