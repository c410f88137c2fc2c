import "server-only";
import type { Queryable } from "@/lib/db";
import { isoTimestamp } from "./timestamps";

// The questions queue: what the owner's bots could not answer, grouped by the visitor's words
// (private.normalized_question; lib/questions/grouping.ts then groups them by meaning), most asked first,
// less what the owner has answered or dismissed since it was last asked.

/** How far back the queue looks: older questions have had their chance. */
const QUEUE_DAYS = 90;
/**
 * The newest unanswered turns grouped per page. Normalising each turn's text (for the groups and
 * the anti-join with the resolutions) is most of the page's cost: 0.6-0.9 s for 25,000 turns,
 * 0.15-0.28 s with this cap. Counts are then of these turns; finding them is still a scan of the
 * owner's unanswered turns in QUEUE_DAYS, about 20 ms at 25,000.
 */
const TURNS_READ = 5_000;
/** Normalised questions whose terms are compared for grouping: enough for a page of groups, bounded. */
const WORDINGS_READ = 200;

/** One normalised form of an unanswered question: its newest wording, how often and by whom it was asked. */
interface UnansweredWording {
  question: string;
  /** The owner's name, which the grouping leaves out of the questions' terms. */
  ownerName: string | null;
  times: number;
  visitorIds: string[];
  lastAskedAt: string;
}

/**
 * Run as the owner: their bots' unanswered questions grouped by normalised text, most asked
 * first, less what they resolved since it was last asked (lib/questions groups these further by
 * their terms).
 */
export async function listUnansweredWordings(tx: Queryable): Promise<UnansweredWording[]> {
  const rows = await tx.query<{
    question: string;
    owner_name: string | null;
    times: number;
    visitor_ids: string[];
    last_asked: Date;
  }>(
    `with recent as (
       select m.message, m.created_at, m.visitor_id from public.messages m
       where m.outcome = 'unanswered' and not m.is_preview
         and m.created_at > now() - make_interval(days => $2)
       order by m.created_at desc
       limit $3
     )
     select (array_agg(m.message order by m.created_at desc))[1] as question,
            (select p.name from public.profiles p where p.user_id = (select auth.uid())) as owner_name,
            count(*)::int as times, array_agg(distinct m.visitor_id) as visitor_ids, max(m.created_at) as last_asked
     from recent m
     where not exists (
       select 1 from public.question_resolutions r
       where r.normalized_question = private.normalized_question(m.message) and r.created_at >= m.created_at
     )
     group by private.normalized_question(m.message)
     order by times desc, last_asked desc
     limit $1`,
    [WORDINGS_READ, QUEUE_DAYS, TURNS_READ],
  );
  return rows.map((row) => ({
    question: row.question,
    ownerName: row.owner_name,
    times: row.times,
    visitorIds: row.visitor_ids,
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

/** Run as the owner: takes a question's wordings out of the queue, answered (with its Q&A) or dismissed. */
export async function resolveQuestions(
  tx: Queryable,
  {
    questions,
    resolution,
    knowledgeItemId,
  }: { questions: string[]; resolution: "answered" | "dismissed"; knowledgeItemId: string | null },
): Promise<void> {
  await tx.query(
    `insert into public.question_resolutions (normalized_question, resolution, knowledge_item_id)
     select distinct private.normalized_question(q), $2, $3::uuid from unnest($1::text[]) as q
     on conflict (user_id, normalized_question) do update
       set resolution = excluded.resolution, knowledge_item_id = excluded.knowledge_item_id, created_at = now()`,
    [questions, resolution, knowledgeItemId],
  );
}

/** Run as the owner: the bots of theirs that couldn't answer any of these wordings. */
export async function chatbotsThatAsked(tx: Queryable, { questions }: { questions: string[] }): Promise<string[]> {
  const rows = await tx.query<{ chatbot_id: string }>(
    `select distinct q.chatbot_id from public.chatbot_unanswered_questions q
     where q.question_hash = any(select md5(private.normalized_question(w)) from unnest($1::text[]) as w)`,
    [questions],
  );
  return rows.map((row) => row.chatbot_id);
}

/** Run as the owner: the visitor's question of one of their bots' turns, and the bot; null when it isn't theirs. */
export async function findTurnQuestion(
  tx: Queryable,
  { messageId }: { messageId: string },
): Promise<{ question: string; chatbotId: string } | null> {
  const [row] = await tx.query<{ question: string; chatbot_id: string }>(
    "select message as question, chatbot_id from public.messages where id = $1 and not is_preview",
    [messageId],
  );
  return row ? { question: row.question, chatbotId: row.chatbot_id } : null;
}

/** Run as the owner: the Q&A they already answered one of these wordings with, if it still exists. */
export async function findAnswerOf(tx: Queryable, { questions }: { questions: string[] }): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    `select i.id from public.question_resolutions r
     join public.knowledge_items i on i.id = r.knowledge_item_id and i.kind = 'qa'
     where r.resolution = 'answered'
       and r.normalized_question = any(select private.normalized_question(q) from unnest($1::text[]) as q)
     order by r.created_at desc
     limit 1`,
    [questions],
  );
  return row?.id ?? null;
}
