-- The questions queue's groups as a rollup, so the dashboard's overview can say how many wait
-- without reading the messages: counting the groups from the messages took 320-370 ms on
-- PostgreSQL for a bot with 25,000 unanswered turns in 90 days (scattered heap reads of each
-- turn's text), and the overview is the page every owner opens first.

create table public.chatbot_unanswered_questions (
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  -- A hash as the key: a question of 4,000 characters is too long for a btree entry.
  question_hash text not null,
  normalized_question text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  asked integer not null default 0 check (asked >= 0),
  last_asked_at timestamptz not null,
  primary key (chatbot_id, question_hash)
);
comment on table public.chatbot_unanswered_questions is
  'Per chatbot and question (private.normalized_question): how often visitors asked it and the bot could not answer, and when last. Kept by the trigger on messages (previews excluded); the overview counts the groups waiting from it.';
comment on column public.chatbot_unanswered_questions.question_hash is 'md5 of normalized_question: the key.';
comment on column public.chatbot_unanswered_questions.normalized_question is
  'The question as the queue groups it, matched against question_resolutions.normalized_question.';
comment on column public.chatbot_unanswered_questions.user_id is 'The chatbot''s owner, copied for RLS.';
comment on column public.chatbot_unanswered_questions.asked is 'Answered turns with outcome unanswered.';
comment on column public.chatbot_unanswered_questions.last_asked_at is 'When the latest of them was asked (messages.created_at).';

create index chatbot_unanswered_questions_user_idx on public.chatbot_unanswered_questions (user_id, last_asked_at);

alter table public.chatbot_unanswered_questions enable row level security;
create policy "Owners read their chatbots' unanswered questions" on public.chatbot_unanswered_questions
  for select to authenticated using (user_id = (select auth.uid()));
revoke all on public.chatbot_unanswered_questions from anon, authenticated;
grant select on public.chatbot_unanswered_questions to authenticated;
grant select, insert, update, delete on public.chatbot_unanswered_questions to service_role;

insert into public.chatbot_unanswered_questions (chatbot_id, question_hash, normalized_question, user_id, asked,
                                                 last_asked_at)
select m.chatbot_id, pg_catalog.md5(private.normalized_question(m.message)), private.normalized_question(m.message),
       c.user_id, count(*), max(m.created_at)
from public.messages m join public.chatbots c on c.id = m.chatbot_id
where not m.is_preview and m.status = 'answered' and m.outcome = 'unanswered'
group by 1, 2, 3, 4;

-- A trigger of its own, which returns at once unless a turn becomes (or stops being) one the bot
-- could not answer, so most turns pay nothing. A turn taken out leaves last_asked_at as it was:
-- nothing rewrites an answered turn's outcome today.
create function private.track_unanswered_question() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  was boolean := tg_op = 'UPDATE' and old.status = 'answered' and old.outcome is not distinct from 'unanswered';
  now_is boolean := new.status = 'answered' and new.outcome is not distinct from 'unanswered';
  delta integer;
begin
  if new.is_preview or was = now_is then
    return null;
  end if;
  delta := case when now_is then 1 else -1 end;
  insert into public.chatbot_unanswered_questions as q (chatbot_id, question_hash, normalized_question, user_id,
                                                        asked, last_asked_at)
  select new.chatbot_id, pg_catalog.md5(private.normalized_question(new.message)),
         private.normalized_question(new.message), c.user_id, greatest(delta, 0), new.created_at
  from public.chatbots c where c.id = new.chatbot_id
  on conflict (chatbot_id, question_hash) do update
    set asked = greatest(q.asked + delta, 0),
        last_asked_at = case when delta > 0 then greatest(q.last_asked_at, excluded.last_asked_at)
                             else q.last_asked_at end;
  return null;
end;
$$;
comment on function private.track_unanswered_question() is
  'Keeps chatbot_unanswered_questions up to date as turns are answered (previews excluded).';
revoke all on function private.track_unanswered_question() from public, anon, authenticated;

create trigger messages_track_unanswered after insert or update of status, outcome on public.messages
  for each row execute function private.track_unanswered_question();

-- The rebuild, which a bulk load runs with triggers off, fills it too.
create or replace function private.rebuild_message_rollups() returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.conversations;
  delete from public.chatbot_daily_stats;
  delete from public.chatbot_daily_questions;
  delete from private.chatbot_day_visitors;
  delete from public.chatbot_unanswered_questions;

  insert into public.conversations (user_id, chatbot_id, conversation_id, visitor_id, started_at, last_message_at,
                                    last_message, message_count, unread_count, failed_count)
  select c.user_id, m.chatbot_id, m.conversation_id,
         (pg_catalog.array_agg(m.visitor_id order by m.created_at))[1],
         min(m.created_at), max(m.created_at),
         pg_catalog.left((pg_catalog.array_agg(m.message order by m.created_at desc))[1], 200),
         count(*), count(*) filter (where not m.is_read), count(*) filter (where m.status = 'failed')
  from public.messages m join public.chatbots c on c.id = m.chatbot_id
  where not m.is_preview and m.status <> 'rate_limited'
  group by c.user_id, m.chatbot_id, m.conversation_id;

  insert into private.chatbot_day_visitors (chatbot_id, day, visitor_id)
  select distinct m.chatbot_id, (m.created_at at time zone 'UTC')::date, m.visitor_id
  from public.messages m
  where not m.is_preview and m.status <> 'rate_limited' and m.visitor_id is not null;

  drop table if exists pg_temp.rollup_turns;
  create temporary table rollup_turns on commit drop as
  select m.chatbot_id, (m.created_at at time zone 'UTC')::date as day,
         extract(hour from m.created_at at time zone 'UTC')::integer + 1 as turn_hour,
         case when m.status = 'answered' and m.latency_ms is not null then private.latency_bucket(m.latency_ms) end
           as bucket,
         m.status, m.is_read, m.outcome
  from public.messages m
  where not m.is_preview and m.status <> 'rate_limited';

  insert into public.chatbot_daily_stats (chatbot_id, day, user_id, messages, visitors, answered, failed, unanswered,
                                          unread, latency_histogram, hours)
  select t.chatbot_id, t.day, c.user_id, t.messages,
         (select count(*) from private.chatbot_day_visitors v where v.chatbot_id = t.chatbot_id and v.day = t.day),
         t.answered, t.failed, t.unanswered, t.unread, lh.histogram, hh.hours
  from (
    select r.chatbot_id, r.day, count(*)::integer as messages,
           count(*) filter (where r.status = 'answered')::integer as answered,
           count(*) filter (where r.status = 'failed')::integer as failed,
           count(*) filter (where r.status = 'answered' and r.outcome = 'unanswered')::integer as unanswered,
           count(*) filter (where not r.is_read)::integer as unread
    from pg_temp.rollup_turns r group by 1, 2
  ) t
  join public.chatbots c on c.id = t.chatbot_id
  join (
    select d.chatbot_id, d.day, pg_catalog.array_agg(coalesce(x.n, 0) order by b.i) as histogram
    from (select distinct chatbot_id, day from pg_temp.rollup_turns) d
    cross join generate_series(1, pg_catalog.array_length(private.latency_bounds(), 1)) as b(i)
    left join (select chatbot_id, day, bucket, count(*)::integer as n from pg_temp.rollup_turns
               where bucket is not null group by 1, 2, 3) x
      on x.chatbot_id = d.chatbot_id and x.day = d.day and x.bucket = b.i
    group by 1, 2
  ) lh on lh.chatbot_id = t.chatbot_id and lh.day = t.day
  join (
    select d.chatbot_id, d.day, pg_catalog.array_agg(coalesce(x.n, 0) order by h.i) as hours
    from (select distinct chatbot_id, day from pg_temp.rollup_turns) d
    cross join generate_series(1, 24) as h(i)
    left join (select chatbot_id, day, turn_hour, count(*)::integer as n from pg_temp.rollup_turns group by 1, 2, 3) x
      on x.chatbot_id = d.chatbot_id and x.day = d.day and x.turn_hour = h.i
    group by 1, 2
  ) hh on hh.chatbot_id = t.chatbot_id and hh.day = t.day;

  insert into public.chatbot_daily_questions (chatbot_id, day, question, user_id, asked)
  select m.chatbot_id, (m.created_at at time zone 'UTC')::date, private.normalize_question(m.message), c.user_id,
         count(*)
  from public.messages m join public.chatbots c on c.id = m.chatbot_id
  where not m.is_preview and m.status <> 'rate_limited'
  group by 1, 2, 3, 4;

  insert into public.chatbot_unanswered_questions (chatbot_id, question_hash, normalized_question, user_id, asked,
                                                   last_asked_at)
  select m.chatbot_id, pg_catalog.md5(private.normalized_question(m.message)), private.normalized_question(m.message),
         c.user_id, count(*), max(m.created_at)
  from public.messages m join public.chatbots c on c.id = m.chatbot_id
  where not m.is_preview and m.status = 'answered' and m.outcome = 'unanswered'
  group by 1, 2, 3, 4;
end;
$$;
comment on function private.rebuild_message_rollups() is
  'Recomputes conversations, chatbot_daily_stats, chatbot_daily_questions and chatbot_unanswered_questions from the messages (after a bulk load with triggers off).';
