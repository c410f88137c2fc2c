// Data the bench writes straight into the database with SQL: owners beyond the one it signs up
// through the API (sign-up is limited per IP), and the owner's past messages (the API would take
// hours to write a million).
import { randomBytes } from "node:crypto";
import type { Database, Queryable } from "@/lib/db/types";
import { BENCH_BOT_CONFIGURATION, BENCH_PROFILE, QUESTIONS } from "./content";

const SEED_BATCH = 50_000;
const MESSAGES_PER_VISITOR = 5;
const SEEDED_ANSWER =
  "Grace is based in Dublin, Ireland. She builds developer tools and writes about performance; " +
  "ask me about her skills, her experience or what she does for fun.";

/** `count` owners, each with a profile and one public bot whose rate limit the load stays under; returns the bots' ids. */
export async function createOwners(db: Queryable, count: number): Promise<string[]> {
  const tag = randomBytes(4).toString("hex");
  const rows = await db.query<{ id: string }>(
    `with users as (
       insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
       select gen_random_uuid(), 'authenticated', 'authenticated', 'bench-' || $1 || '-' || g || '@example.test', now(),
              '{}'::jsonb, '{}'::jsonb
       from generate_series(1, $2::integer) g
       returning id
     ), profiles as (
       insert into public.profiles (user_id, name, location, bio, skills, experience, interests)
       select id, $3, $4, $5, $6, $7, $8 from users
     )
     insert into public.chatbots (user_id, name, public_url_slug, configuration)
     select id, 'Bench bot', 'bench-' || $1 || '-' || left(replace(id::text, '-', ''), 12), $9::jsonb from users
     returning id`,
    [
      tag,
      count,
      BENCH_PROFILE.name,
      BENCH_PROFILE.location,
      BENCH_PROFILE.bio,
      BENCH_PROFILE.skills,
      BENCH_PROFILE.experience,
      BENCH_PROFILE.interests,
      JSON.stringify(BENCH_BOT_CONFIGURATION),
    ],
  );
  return rows.map((row) => row.id);
}

// The same count private.start_turn makes for the monthly quota: every bot of the owner, since
// the month began (UTC), refused turns excluded.
const MONTH_MESSAGES_SQL = `
  select count(*)::integer as count from public.messages m
  where m.chatbot_id in (select c.id from public.chatbots c
                         where c.user_id = (select b.user_id from public.chatbots b where b.id = $1))
    and m.created_at >= date_trunc('month', now() at time zone 'utc') at time zone 'utc'
    and m.status <> 'rate_limited'`;

/**
 * Adds answered messages to the bot until its owner's current month holds `total`: spread at
 * random from the month's start to a minute ago (older than any rate-limit window), five per
 * visitor, each visitor in a conversation of their own, a quarter of them unread, with the rollup
 * trigger off (one rebuild of the rollups at the end is far cheaper than a million trigger calls).
 * Then vacuums and analyzes, as autovacuum would soon after, so the next rows don't pay for it.
 */
export async function seedMonthMessages(
  db: Database,
  chatbotId: string,
  total: number,
  progress: (done: number, of: number) => void,
): Promise<void> {
  const [{ count }] = await db.query<{ count: number }>(MONTH_MESSAGES_SQL, [chatbotId]);
  const missing = total - count;
  if (missing <= 0) return;
  for (let done = 0; done < missing; done += SEED_BATCH) {
    const batch = Math.min(SEED_BATCH, missing - done);
    const visitors = Math.ceil(batch / MESSAGES_PER_VISITOR);
    await db.transaction(async (tx) => {
      await tx.query("set local session_replication_role = replica");
      await tx.query(
        `with bounds as (
         select start, greatest(start, now() - interval '1 minute') as until
         from (select date_trunc('month', now() at time zone 'utc') at time zone 'utc' as start) s
       ), new_visitors as (
         insert into public.visitors (chatbot_id, visitor_id, name, first_seen, last_seen)
         select $1, 'seed-' || $2 || '-' || v, case when v % 3 = 0 then 'Visitor ' || v end, b.start, b.until
         from generate_series(1, $3::integer) v cross join bounds b
         returning id
       ), numbered as (
         select id, row_number() over () - 1 as n, gen_random_uuid() as conversation_id from new_visitors
       )
       insert into public.messages (chatbot_id, visitor_id, conversation_id, message, response, status, model,
                                    latency_ms, input_tokens, output_tokens, client_ip, is_read, created_at, completed_at)
       select $1, v.id, v.conversation_id, ($5::text[])[1 + s.m % cardinality($5::text[])], $6, 'answered', 'offline',
              20 + s.m % 200, 900, 40, '10.' || (s.m / 65536 % 256) || '.' || (s.m / 256 % 256) || '.' || (s.m % 256),
              s.m % 4 <> 0, s.at, s.at + interval '50 milliseconds'
       from (select m, b.start + (b.until - b.start) * random() as at
             from generate_series(0, $4::integer - 1) m cross join bounds b) s
       join numbered v on v.n = s.m % $3::integer`,
        [chatbotId, `${randomBytes(4).toString("hex")}-${done}`, visitors, batch, QUESTIONS, SEEDED_ANSWER],
      );
    });
    progress(done + batch, missing);
  }
  await db.query("select private.rebuild_message_rollups()");
  // The quota's counter, as the turns would have left it (the seed bypasses start_turn).
  await db.query(
    `insert into public.owner_monthly_usage (user_id, month, turns)
     select c.user_id, date_trunc('month', now() at time zone 'utc')::date, ($2::integer)
       from public.chatbots c where c.id = $1
     on conflict (user_id, month) do update set turns = greatest(public.owner_monthly_usage.turns, excluded.turns)`,
    [chatbotId, total],
  );
  await db.exec(
    "vacuum analyze public.messages, public.visitors, public.conversations, public.chatbot_daily_stats, public.chatbot_daily_questions",
  );
}
