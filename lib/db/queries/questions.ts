import "server-only";
import type { Queryable } from "@/lib/db";
import { isoTimestamp } from "./timestamps";

// The questions queue: what the owner's bots could not answer, grouped by the visitor's words
// (private.normalized_question), most asked first, less what the owner has answered or dismissed
// since it was last asked.

export interface QuestionGroup {
  /** The newest wording visitors used. */
  question: string;
  times: number;
  visitors: number;
  lastAskedAt: string;
}

/** How far back the queue looks: older questions have had their chance. */
const QUEUE_DAYS = 90;

/** Run as the owner: their bots' unanswered questions, grouped, most asked first. */
export async function listUnansweredQuestions(tx: Queryable, { limit }: { limit: number }): Promise<QuestionGroup[]> {
  const rows = await tx.query<{ question: string; times: number; visitors: number; last_asked: Date }>(
    `select (array_agg(m.message order by m.created_at desc))[1] as question,
            count(*)::int as times, count(distinct m.visitor_id)::int as visitors, max(m.created_at) as last_asked
     from public.messages m
     where m.outcome = 'unanswered' and not m.is_preview
       and m.created_at > now() - make_interval(days => $2)
       and not exists (
         select 1 from public.question_resolutions r
         where r.normalized_question = private.normalized_question(m.message) and r.created_at >= m.created_at
       )
     group by private.normalized_question(m.message)
     order by times desc, last_asked desc
     limit $1`,
    [limit, QUEUE_DAYS],
  );
  return rows.map((row) => ({
    question: row.question,
    times: row.times,
    visitors: row.visitors,
    lastAskedAt: isoTimestamp(row.last_asked),
  }));
}

/**
 * Run as the owner: how many groups listUnansweredQuestions would list, without its limit. Read
 * from the rollup public.chatbot_unanswered_questions (one row per bot and question), not the
 * messages: a group waits when it was last asked within the queue's days and after the owner last
 * resolved it, which is when at least one of its turns would be listed.
 */
export async function countWaitingQuestions(tx: Queryable): Promise<number> {
  const [{ count }] = await tx.query<{ count: number }>(
    `select count(distinct q.question_hash)::int as count
     from public.chatbot_unanswered_questions q
     where q.asked > 0 and q.last_asked_at > now() - make_interval(days => $1)
       and not exists (
         select 1 from public.question_resolutions r
         where r.normalized_question = q.normalized_question and r.created_at >= q.last_asked_at
       )`,
    [QUEUE_DAYS],
  );
  return count;
}

/** Run as the owner: takes a question out of the queue, answered (with its Q&A) or dismissed. */
export async function resolveQuestion(
  tx: Queryable,
  {
    question,
    resolution,
    knowledgeItemId,
  }: { question: string; resolution: "answered" | "dismissed"; knowledgeItemId: string | null },
): Promise<void> {
  await tx.query(
    `insert into public.question_resolutions (normalized_question, resolution, knowledge_item_id)
     values (private.normalized_question($1), $2, $3)
     on conflict (user_id, normalized_question) do update
       set resolution = excluded.resolution, knowledge_item_id = excluded.knowledge_item_id, created_at = now()`,
    [question, resolution, knowledgeItemId],
  );
}
