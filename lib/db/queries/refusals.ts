import "server-only";
import type { Queryable } from "@/lib/db";

// Refused (rate-limited) turns are not conversations: the inbox and analytics show them as a
// count per bot and day, read only through this function, so moving them out of the messages
// table into counters changes this body and nothing else.

/**
 * Run as the owner: refused turns per chatbot and UTC day in [from, to), only days that had any,
 * ordered by day then chatbot; `chatbotIds` narrows to those bots (RLS hides other owners' anyway).
 */
export async function listRefusalsPerDay(
  tx: Queryable,
  { chatbotIds, from, to }: { chatbotIds?: string[]; from: Date; to: Date },
): Promise<{ chatbotId: string; day: string /* YYYY-MM-DD UTC */; count: number }[]> {
  return tx.query<{ chatbotId: string; day: string; count: number }>(
    `select m.chatbot_id as "chatbotId",
            to_char((m.created_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day,
            count(*)::integer as count
     from public.messages m
     where m.status = 'rate_limited' and m.created_at >= $1 and m.created_at < $2
       and ($3::uuid[] is null or m.chatbot_id = any($3::uuid[]))
     group by 1, 2
     order by 2, 1`,
    [from, to, chatbotIds ?? null],
  );
}
