import "server-only";
import type { ChatbotAnalytics } from "@/lib/analytics/types";
import type { Queryable } from "@/lib/db";
import { ownsChatbot } from "./chatbots";
import { listRefusalsPerDay } from "./refusals";

// A chatbot's analytics, aggregated in SQL over the per-day rollups (public.chatbot_daily_stats,
// public.chatbot_daily_questions, public.chatbot_daily_feedback), never over the messages themselves: a count(distinct) of a
// million messages' visitors per day is far too slow for a page.

/** Lower bounds (ms) of the latency histogram's buckets: private.latency_bounds() (a test keeps them equal). */
export const LATENCY_BOUNDS_MS = [
  0, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 60000,
] as const;

/** The median of a histogram with LATENCY_BOUNDS_MS buckets, interpolated within its bucket. */
export function histogramMedian(counts: number[]): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const half = total / 2;
  let before = 0;
  for (let i = 0; i < counts.length; i++) {
    if (before + counts[i] >= half && counts[i] > 0) {
      const lower = LATENCY_BOUNDS_MS[i] ?? LATENCY_BOUNDS_MS.at(-1) ?? 0;
      const upper = LATENCY_BOUNDS_MS[i + 1];
      if (upper === undefined) return lower;
      return Math.round(lower + ((upper - lower) * (half - before)) / counts[i]);
    }
    before += counts[i];
  }
  return null;
}

/** Run as the owner: the last `days` UTC days (today included) of one of their bots; null when it isn't theirs. */
export async function getChatbotAnalytics(
  tx: Queryable,
  { chatbotId, days, now = new Date() }: { chatbotId: string; days: number; now?: Date },
): Promise<ChatbotAnalytics | null> {
  if (!(await ownsChatbot(tx, chatbotId))) return null;
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const start = new Date(end.getTime() - days * 86_400_000);
  const range = [chatbotId, start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];

  const daily = await tx.query<{
    day: string;
    messages: number;
    visitors: number;
    thumbs_up: number;
    thumbs_down: number;
    answered: number;
    unanswered: number;
  }>(
    `select to_char(g.day, 'YYYY-MM-DD') as day, coalesce(d.messages, 0) as messages, coalesce(d.visitors, 0) as visitors,
            coalesce(f.thumbs_up, 0) as thumbs_up, coalesce(f.thumbs_down, 0) as thumbs_down,
            coalesce(d.answered, 0) as answered, coalesce(d.unanswered, 0) as unanswered
     from generate_series($2::date, $3::date - 1, interval '1 day') as g(day)
     left join public.chatbot_daily_stats d on d.chatbot_id = $1 and d.day = g.day::date
     left join public.chatbot_daily_feedback f on f.chatbot_id = $1 and f.day = g.day::date
     order by g.day`,
    range,
  );
  const [totals] = await tx.query<{
    messages: number;
    answered: number;
    failed: number;
    unanswered: number;
    histogram: number[];
  }>(
    `select coalesce(sum(d.messages), 0)::integer as messages, coalesce(sum(d.answered), 0)::integer as answered,
            coalesce(sum(d.failed), 0)::integer as failed, coalesce(sum(d.unanswered), 0)::integer as unanswered,
            array(select coalesce(sum(b.n), 0)::integer
                  from generate_series(1, ${LATENCY_BOUNDS_MS.length}) as i(i)
                  left join (select h.i, h.n from public.chatbot_daily_stats s,
                               unnest(s.latency_histogram) with ordinality as h(n, i)
                             where s.chatbot_id = $1 and s.day >= $2::date and s.day < $3::date) b on b.i = i.i
                  group by i.i order by i.i) as histogram
     from public.chatbot_daily_stats d
     where d.chatbot_id = $1 and d.day >= $2::date and d.day < $3::date`,
    range,
  );
  const hours = await tx.query<{ weekday: number; hour: number; messages: number }>(
    `select extract(isodow from d.day)::integer as weekday, (h.i - 1)::integer as hour, sum(h.n)::integer as messages
     from public.chatbot_daily_stats d, unnest(d.hours) with ordinality as h(n, i)
     where d.chatbot_id = $1 and d.day >= $2::date and d.day < $3::date and h.n > 0
     group by 1, 2
     order by 1, 2`,
    range,
  );
  const topQuestions = await tx.query<{ question: string; asked: number }>(
    `select q.question, sum(q.asked)::integer as asked
     from public.chatbot_daily_questions q
     where q.chatbot_id = $1 and q.day >= $2::date and q.day < $3::date and q.question <> ''
     group by q.question
     order by asked desc, q.question
     limit 10`,
    range,
  );
  const refusals = await listRefusalsPerDay(tx, { chatbotIds: [chatbotId], from: start, to: end });
  const refusedByDay = new Map(refusals.map((row) => [row.day, row.count]));
  return {
    days,
    daily: daily.map((row) => ({
      ...row,
      refused: refusedByDay.get(row.day) ?? 0,
      unansweredShare: row.answered === 0 ? null : row.unanswered / row.answered,
    })),
    hours,
    totals: {
      messages: totals.messages,
      answered: totals.answered,
      failed: totals.failed,
      unanswered: totals.unanswered,
      refused: refusals.reduce((sum, row) => sum + row.count, 0),
      thumbs_up: daily.reduce((sum, row) => sum + row.thumbs_up, 0),
      thumbs_down: daily.reduce((sum, row) => sum + row.thumbs_down, 0),
    },
    medianLatencyMs: histogramMedian(totals.histogram),
    topQuestions,
  };
}
