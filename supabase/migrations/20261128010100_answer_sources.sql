-- Where an answer came from, and how often a bot could not answer, per day.
--
-- Sources: each answered turn records the profile sections and knowledge items it drew on, so the
-- owner sees them under the answer in the inbox (and, if they choose, visitors see them as chips).
-- The couldn't-answer counter: analytics shows the share of unanswered turns per day from the
-- rollup, never by counting messages, so a page costs the same however many turns a bot has had.

alter table public.messages add column sources jsonb
  check (sources is null or pg_catalog.jsonb_typeof(sources) = 'array');
comment on column public.messages.sources is 'What an answer drew on, as a JSON array of {"kind":"profile","section":...} and {"kind":"knowledge","id":...,"title":...} (the title as it was then); null when the turn was not answered or the model said nothing about it.';

-- finish_turn records the sources too, in the same round trip: a ten-argument overload (no default,
-- which would make nine-argument calls ambiguous).
create function private.finish_turn(
  p_message_id uuid, p_status text, p_response text, p_error text, p_model text,
  p_latency_ms integer, p_input_tokens integer, p_output_tokens integer, p_outcome text, p_sources jsonb
)
returns boolean
language sql
security definer
set search_path = ''
as $$
  update public.messages
  set status = p_status,
      response = p_response,
      error = p_error,
      model = p_model,
      latency_ms = p_latency_ms,
      input_tokens = p_input_tokens,
      output_tokens = p_output_tokens,
      outcome = case when p_status = 'answered' then p_outcome end,
      sources = case when p_status = 'answered' and pg_catalog.jsonb_typeof(p_sources) = 'array' then p_sources end,
      completed_at = now()
  where id = p_message_id and status = 'pending' and p_status in ('answered', 'failed', 'aborted')
  returning true;
$$;
comment on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text, jsonb) is
  'Records how a pending turn ended: the answer (or what was generated before an abort), the model, latency, token usage and, for an answer, its outcome and sources.';
revoke execute on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text, jsonb) from public, anon, authenticated;
grant execute on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text, jsonb) to service_role;

-- The nine-argument form stays, recording no sources: during a rolling deploy, servers still on the
-- previous version call it against the migrated database (and the eight-argument form calls it).
create or replace function private.finish_turn(
  p_message_id uuid, p_status text, p_response text, p_error text, p_model text,
  p_latency_ms integer, p_input_tokens integer, p_output_tokens integer, p_outcome text
)
returns boolean
language sql
security definer
set search_path = ''
as $$
  select private.finish_turn(p_message_id, p_status, p_response, p_error, p_model, p_latency_ms,
    p_input_tokens, p_output_tokens, p_outcome, null::jsonb);
$$;

-- The couldn't-answer counter beside the day's other outcomes.
alter table public.chatbot_daily_stats add column unanswered integer not null default 0;
comment on column public.chatbot_daily_stats.unanswered is
  'Turns of that day answered with outcome unanswered: the bot had nothing relevant to say.';

update public.chatbot_daily_stats d
set unanswered = x.n
from (
  select m.chatbot_id, (m.created_at at time zone 'UTC')::date as day, count(*)::integer as n
  from public.messages m
  where not m.is_preview and m.status = 'answered' and m.outcome = 'unanswered'
  group by 1, 2
) x
where d.chatbot_id = x.chatbot_id and d.day = x.day;

-- The trigger as before, plus the unanswered counter: an answer adds to it when its outcome is
-- unanswered, and any later change takes the old row's share out and puts the new row's in.
create or replace function private.track_message() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  owner_id uuid;
  turn_day date := (new.created_at at time zone 'UTC')::date;
  turn_hour integer := extract(hour from new.created_at at time zone 'UTC')::integer + 1;
  unread_delta integer := 0;
  new_visitor integer := 0;
  bucket integer;
  old_bucket integer;
begin
  -- Refused turns stay refused and previews stay previews: neither ever counts.
  if new.is_preview or new.status = 'rate_limited' or (tg_op = 'UPDATE' and old.status = 'rate_limited') then
    return null;
  end if;

  if tg_op = 'INSERT' then
    select c.user_id into owner_id from public.chatbots c where c.id = new.chatbot_id;
    insert into public.conversations as cv (user_id, chatbot_id, conversation_id, visitor_id, started_at,
                                            last_message_at, last_message, message_count, unread_count,
                                            failed_count)
    values (owner_id, new.chatbot_id, new.conversation_id, new.visitor_id, new.created_at, new.created_at,
            pg_catalog.left(new.message, 200), 1, (not new.is_read)::integer, (new.status = 'failed')::integer)
    on conflict (chatbot_id, conversation_id) do update
      set last_message_at = greatest(cv.last_message_at, excluded.last_message_at),
          last_message = case when excluded.last_message_at >= cv.last_message_at
                              then excluded.last_message else cv.last_message end,
          started_at = least(cv.started_at, excluded.started_at),
          message_count = cv.message_count + 1,
          unread_count = cv.unread_count + excluded.unread_count,
          failed_count = cv.failed_count + excluded.failed_count,
          updated_at = now();

    if new.visitor_id is not null then
      insert into private.chatbot_day_visitors (chatbot_id, day, visitor_id)
      values (new.chatbot_id, turn_day, new.visitor_id)
      on conflict do nothing;
      get diagnostics new_visitor = row_count;
    end if;

    insert into public.chatbot_daily_stats (chatbot_id, day, user_id)
    values (new.chatbot_id, turn_day, owner_id)
    on conflict do nothing;
    update public.chatbot_daily_stats d
      set messages = d.messages + 1,
          visitors = d.visitors + new_visitor,
          answered = d.answered + (new.status = 'answered')::integer,
          failed = d.failed + (new.status = 'failed')::integer,
          unanswered = d.unanswered + (new.status = 'answered' and new.outcome is not distinct from 'unanswered')::integer,
          unread = d.unread + (not new.is_read)::integer,
          hours[turn_hour] = d.hours[turn_hour] + 1
    where d.chatbot_id = new.chatbot_id and d.day = turn_day;
    if new.status = 'answered' and new.latency_ms is not null then
      bucket := private.latency_bucket(new.latency_ms);
      update public.chatbot_daily_stats d set latency_histogram[bucket] = d.latency_histogram[bucket] + 1
      where d.chatbot_id = new.chatbot_id and d.day = turn_day;
    end if;

    insert into public.chatbot_daily_questions as q (chatbot_id, day, question, user_id, asked)
    values (new.chatbot_id, turn_day, private.normalize_question(new.message), owner_id, 1)
    on conflict (chatbot_id, day, question) do update set asked = q.asked + 1;
    return null;
  end if;

  -- UPDATE: the model's outcome (pending -> answered/failed/aborted), and the owner's read flag.
  -- Whatever the change, the old row's share is taken out and the new row's put in.
  if new.is_read is distinct from old.is_read then
    unread_delta := case when new.is_read then -1 else 1 end;
  end if;
  old_bucket := case when old.status = 'answered' and old.latency_ms is not null
                     then private.latency_bucket(old.latency_ms) end;
  bucket := case when new.status = 'answered' and new.latency_ms is not null
                 then private.latency_bucket(new.latency_ms) end;
  update public.chatbot_daily_stats d
    set answered = d.answered + (new.status = 'answered')::integer - (old.status = 'answered')::integer,
        failed = d.failed + (new.status = 'failed')::integer - (old.status = 'failed')::integer,
        unanswered = d.unanswered
          + (new.status = 'answered' and new.outcome is not distinct from 'unanswered')::integer
          - (old.status = 'answered' and old.outcome is not distinct from 'unanswered')::integer,
        unread = d.unread + unread_delta
  where d.chatbot_id = new.chatbot_id and d.day = turn_day;
  if old_bucket is distinct from bucket then
    if old_bucket is not null then
      update public.chatbot_daily_stats d set latency_histogram[old_bucket] = d.latency_histogram[old_bucket] - 1
      where d.chatbot_id = new.chatbot_id and d.day = turn_day;
    end if;
    if bucket is not null then
      update public.chatbot_daily_stats d set latency_histogram[bucket] = d.latency_histogram[bucket] + 1
      where d.chatbot_id = new.chatbot_id and d.day = turn_day;
    end if;
  end if;
  update public.conversations cv
    set unread_count = cv.unread_count + unread_delta,
        failed_count = cv.failed_count + (new.status = 'failed')::integer - (old.status = 'failed')::integer,
        updated_at = now()
  where cv.chatbot_id = new.chatbot_id and cv.conversation_id = new.conversation_id;
  return null;
end;
$$;

-- The outcome is now part of what the trigger counts, so a change to it alone fires it too.
drop trigger messages_track on public.messages;
create trigger messages_track after insert or update of is_read, status, latency_ms, outcome on public.messages
  for each row execute function private.track_message();

-- The rebuild as before, plus the unanswered counter.
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
end;
$$;
