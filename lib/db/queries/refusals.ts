import "server-only";
import type { Queryable } from "@/lib/db";

export interface RefusalsOfDay {
  chatbotId: string;
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  count: number;
}

/**
 * As the owner (asOwner; RLS keeps it to their bots): turns refused per bot and UTC day, for the
 * days that overlap [from, to) (counted per whole day), from the counter start_turn increments
 * for every refusal (a refused turn stores no message). Days without a refusal are absent.
 */
export async function listRefusalsPerDay(
  tx: Queryable,
  { chatbotIds, from, to }: { chatbotIds?: string[]; from: Date; to: Date },
): Promise<RefusalsOfDay[]> {
  const rows = await tx.query<{ chatbot_id: string; day: string; count: number }>(
    `select d.chatbot_id, to_char(d.day, 'YYYY-MM-DD') as day, d.refused as count
       from public.chatbot_daily_usage d
      where d.refused > 0
        and (d.day + 1)::timestamp at time zone 'utc' > $1::timestamptz
        and d.day::timestamp at time zone 'utc' < $2::timestamptz
        and ($3::uuid[] is null or d.chatbot_id = any ($3::uuid[]))
      order by d.day, d.chatbot_id`,
    [from, to, chatbotIds ?? null],
  );
  return rows.map((row) => ({ chatbotId: row.chatbot_id, day: row.day, count: row.count }));
}
