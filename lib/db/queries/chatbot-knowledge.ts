import "server-only";
import type { ChatbotKnowledge } from "@/lib/chatbots/schemas";
import type { Queryable } from "@/lib/db";
import { ApiError } from "@/lib/errors";

// Which of the owner's knowledge a chatbot answers from (public.chatbots.knowledge_scope and
// public.chatbot_knowledge_items); private.retrieve_knowledge applies it to every turn.

/** Run as the owner: a chatbot's knowledge scope and subset, oldest choice first; null when it isn't theirs. */
export async function getChatbotKnowledge(
  tx: Queryable,
  { chatbotId }: { chatbotId: string },
): Promise<ChatbotKnowledge | null> {
  const [row] = await tx.query<{ scope: ChatbotKnowledge["scope"]; item_ids: string[] }>(
    `select c.knowledge_scope as scope,
            array(select s.item_id from public.chatbot_knowledge_items s
                  where s.chatbot_id = c.id order by s.created_at, s.item_id) as item_ids
     from public.chatbots c where c.id = $1`,
    [chatbotId],
  );
  return row ? { scope: row.scope, item_ids: row.item_ids } : null;
}

/**
 * Run as the owner: sets a chatbot's scope and replaces its subset; null when the bot isn't theirs.
 * An id that is not one of the caller's items (another owner's is hidden by RLS) fails validation
 * rather than being dropped silently.
 */
export async function setChatbotKnowledge(
  tx: Queryable,
  { chatbotId, knowledge }: { chatbotId: string; knowledge: ChatbotKnowledge },
): Promise<ChatbotKnowledge | null> {
  const updated = await tx.query("update public.chatbots set knowledge_scope = $2 where id = $1 returning id", [
    chatbotId,
    knowledge.scope,
  ]);
  if (updated.length === 0) return null;
  const [{ unknown }] = await tx.query<{ unknown: string[] }>(
    `select array(select id from unnest($1::uuid[]) as wanted (id)
                  where not exists (select 1 from public.knowledge_items i where i.id = wanted.id)) as unknown`,
    [knowledge.item_ids],
  );
  if (unknown.length > 0) {
    throw new ApiError("validation_failed", "Some items are not in your knowledge.", {
      details: [{ path: "item_ids", message: `Not found: ${unknown.join(", ")}.` }],
    });
  }
  await tx.query(`delete from public.chatbot_knowledge_items where chatbot_id = $1 and item_id <> all($2::uuid[])`, [
    chatbotId,
    knowledge.item_ids,
  ]);
  await tx.query(
    `insert into public.chatbot_knowledge_items (chatbot_id, item_id)
     select $1, id from unnest($2::uuid[]) as wanted (id)
     on conflict do nothing`,
    [chatbotId, knowledge.item_ids],
  );
  return getChatbotKnowledge(tx, { chatbotId });
}

/**
 * Run as the owner: adds an item to the subsets of those of the given bots that answer from a
 * subset, so an answer written for a bot's visitors reaches them; bots on all of the knowledge
 * have it already.
 */
export async function addToChatbotSubsets(
  tx: Queryable,
  { itemId, chatbotIds }: { itemId: string; chatbotIds: string[] },
): Promise<void> {
  await tx.query(
    `insert into public.chatbot_knowledge_items (chatbot_id, item_id)
     select c.id, $1 from public.chatbots c where c.id = any($2::uuid[]) and c.knowledge_scope = 'selected'
     on conflict do nothing`,
    [itemId, chatbotIds],
  );
}
