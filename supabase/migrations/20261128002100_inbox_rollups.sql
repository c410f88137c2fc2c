-- The dashboard's inbox and analytics over a million messages: full-text search on messages, and
-- rollups kept up to date by a trigger as turns are written, because grouping or counting the
-- messages table at read time (a per-day unique-visitor count over 1M rows took 850 ms) is too
-- slow for a page. Preview turns and refused (rate_limited) turns are never counted here: refusals
-- are read per day from their own source (lib/db/queries/refusals.ts).

-- Search. The 'simple' configuration: no stemming and no stop words, so a bot whose visitors
-- write in any language is searchable word for word (english stemming would mangle other
-- languages); prefix matching covers most of what stemming would add.
alter table public.messages
  add column search tsvector generated always as (
    to_tsvector('simple'::regconfig, message || ' ' || coalesce(response, ''))
  ) stored;
comment on column public.messages.search is
  'What the inbox''s text search matches: the visitor''s message and the answer, words as written (simple configuration).';
create index messages_search_idx on public.messages using gin (search);

-- Refused turns, counted per bot and day by listRefusalsPerDay: the other indexes leave them out.
create index messages_refused_idx on public.messages (chatbot_id, created_at) where status = 'rate_limited';

-- One row per conversation: what the inbox lists.
create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  conversation_id uuid not null,
  visitor_id uuid references public.visitors (id) on delete set null,
  started_at timestamptz not null,
  last_message_at timestamptz not null,
  last_message text not null,
  message_count integer not null default 0 check (message_count >= 0),
  unread_count integer not null default 0 check (unread_count >= 0),
  failed_count integer not null default 0 check (failed_count >= 0),
  updated_at timestamptz not null default now(),
  unique (chatbot_id, conversation_id)
);
comment on table public.conversations is
  'The inbox: one row per conversation of a chatbot, kept by a trigger on messages (previews and refused turns excluded). Owners read it; nobody writes it directly.';
comment on column public.conversations.id is 'The inbox''s own id for the conversation (its page: /dashboard/inbox/<id>).';
comment on column public.conversations.user_id is 'The chatbot''s owner, copied so the all-bots inbox is one index range.';
comment on column public.conversations.conversation_id is 'messages.conversation_id of its turns.';
comment on column public.conversations.visitor_id is 'The visitor who started it (visitors.id); null for turns an owner added through the API.';
comment on column public.conversations.last_message is 'The latest visitor message, cut to 200 characters, for the list.';
comment on column public.conversations.unread_count is 'Turns the owner has not marked read.';
comment on column public.conversations.failed_count is 'Turns the model failed to answer.';
comment on column public.conversations.updated_at is 'Last change of any kind (new turn, answer, read state): what the inbox polls for.';

create index conversations_inbox_idx on public.conversations (user_id, last_message_at desc, id desc);
create index conversations_bot_idx on public.conversations (chatbot_id, last_message_at desc, id desc);
create index conversations_unread_idx on public.conversations (user_id, last_message_at desc, id desc)
  where unread_count > 0;
create index conversations_updated_idx on public.conversations (user_id, updated_at desc);

alter table public.conversations enable row level security;
create policy "Owners read their conversations" on public.conversations
  for select to authenticated using (user_id = (select auth.uid()));
revoke all on public.conversations from anon, authenticated;
grant select on public.conversations to authenticated;
grant select, insert, update, delete on public.conversations to service_role;

-- Per bot and UTC day: what analytics and the unread count read.
create table public.chatbot_daily_stats (
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  day date not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  messages integer not null default 0,
  visitors integer not null default 0,
  answered integer not null default 0,
  failed integer not null default 0,
  unread integer not null default 0,
  latency_histogram integer[] not null default array_fill(0, array[17]),
  hours integer[] not null default array_fill(0, array[24]),
  primary key (chatbot_id, day)
);
comment on table public.chatbot_daily_stats is
  'Per chatbot and UTC day, kept by a trigger on messages (previews and refused turns excluded): analytics and the unread count read these instead of the messages.';
comment on column public.chatbot_daily_stats.user_id is 'The chatbot''s owner, copied for RLS and the all-bots unread count.';
comment on column public.chatbot_daily_stats.messages is 'Turns started that day.';
comment on column public.chatbot_daily_stats.visitors is 'Distinct visitors who sent a turn that day.';
comment on column public.chatbot_daily_stats.answered is 'Turns of that day the model answered.';
comment on column public.chatbot_daily_stats.failed is 'Turns of that day the model failed to answer.';
comment on column public.chatbot_daily_stats.unread is 'Turns of that day not yet marked read.';
comment on column public.chatbot_daily_stats.latency_histogram is
  'Answered turns by latency, in the buckets of private.latency_bounds().';
comment on column public.chatbot_daily_stats.hours is 'Turns started in each UTC hour of the day (element 1 is 00:00-00:59).';

create index chatbot_daily_stats_user_idx on public.chatbot_daily_stats (user_id, day);

alter table public.chatbot_daily_stats enable row level security;
create policy "Owners read their chatbots' daily stats" on public.chatbot_daily_stats
  for select to authenticated using (user_id = (select auth.uid()));
revoke all on public.chatbot_daily_stats from anon, authenticated;
grant select on public.chatbot_daily_stats to authenticated;
grant select, insert, update, delete on public.chatbot_daily_stats to service_role;

-- Per bot, day and question (normalised): the most asked questions.
create table public.chatbot_daily_questions (
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  day date not null,
  question text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  asked integer not null default 0,
  primary key (chatbot_id, day, question)
);
comment on table public.chatbot_daily_questions is
  'How often each question was asked per chatbot and UTC day, kept by a trigger on messages (previews and refused turns excluded).';
comment on column public.chatbot_daily_questions.question is
  'The visitor''s message normalised by private.normalize_question: lower case, punctuation and runs of spaces folded, at most 200 characters.';
comment on column public.chatbot_daily_questions.user_id is 'The chatbot''s owner, copied for RLS.';

alter table public.chatbot_daily_questions enable row level security;
create policy "Owners read their chatbots' questions" on public.chatbot_daily_questions
  for select to authenticated using (user_id = (select auth.uid()));
revoke all on public.chatbot_daily_questions from anon, authenticated;
grant select on public.chatbot_daily_questions to authenticated;
grant select, insert, update, delete on public.chatbot_daily_questions to service_role;

-- Which visitors a day has already counted; private, only the trigger reads it.
create table private.chatbot_day_visitors (
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  day date not null,
  visitor_id uuid not null references public.visitors (id) on delete cascade,
  primary key (chatbot_id, day, visitor_id)
);
comment on table private.chatbot_day_visitors is
  'The visitors already counted in chatbot_daily_stats.visitors for a day, so each counts once.';
revoke all on private.chatbot_day_visitors from anon, authenticated;
grant select, insert, update, delete on private.chatbot_day_visitors to service_role;

create function private.latency_bounds() returns integer[]
language sql
immutable
set search_path = ''
as $$ select array[0, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 60000] $$;
comment on function private.latency_bounds() is
  'Lower bounds (ms) of the latency histogram''s buckets: element i counts latencies from bounds[i] up to bounds[i + 1] (the last, everything above).';

create function private.latency_bucket(p_ms integer) returns integer
language sql
immutable
set search_path = ''
as $$ select greatest(pg_catalog.width_bucket(p_ms, private.latency_bounds()), 1) $$;
comment on function private.latency_bucket(integer) is 'The histogram element (1-based) a latency in ms falls in.';

create function private.normalize_question(p_text text) returns text
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.left(pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(p_text), '[[:space:][:punct:]]+', ' ', 'g')), 200)
$$;
comment on function private.normalize_question(text) is
  'A question''s grouping key: lower case, punctuation and spaces folded to one space, trimmed, at most 200 characters.';

-- Helpers of the trigger and the rebuild only: nobody else calls them.
revoke all on function private.latency_bounds(), private.latency_bucket(integer), private.normalize_question(text)
  from public, anon, authenticated;

-- The trigger: each turn a visitor starts adds to its conversation, its day and its question;
-- an answer or failure adds to the day's outcomes; a read flag moved moves the unread counts.
create function private.track_message() returns trigger
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
comment on function private.track_message() is
  'Keeps conversations, chatbot_daily_stats and chatbot_daily_questions up to date as messages are written (previews and refused turns excluded).';
revoke all on function private.track_message() from public, anon, authenticated;

create trigger messages_track after insert or update of is_read, status, latency_ms on public.messages
  for each row execute function private.track_message();

-- Rebuilds every rollup from the messages: fills them for the messages written before this
-- migration, and after a bulk load written with triggers off (the bench's seeding).
create function private.rebuild_message_rollups() returns void
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
         m.status, m.is_read
  from public.messages m
  where not m.is_preview and m.status <> 'rate_limited';

  insert into public.chatbot_daily_stats (chatbot_id, day, user_id, messages, visitors, answered, failed, unread,
                                          latency_histogram, hours)
  select t.chatbot_id, t.day, c.user_id, t.messages,
         (select count(*) from private.chatbot_day_visitors v where v.chatbot_id = t.chatbot_id and v.day = t.day),
         t.answered, t.failed, t.unread, lh.histogram, hh.hours
  from (
    select r.chatbot_id, r.day, count(*)::integer as messages,
           count(*) filter (where r.status = 'answered')::integer as answered,
           count(*) filter (where r.status = 'failed')::integer as failed,
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
comment on function private.rebuild_message_rollups() is
  'Recomputes conversations, chatbot_daily_stats and chatbot_daily_questions from the messages (after a bulk load with triggers off).';
revoke all on function private.rebuild_message_rollups() from public, anon, authenticated;
grant execute on function private.rebuild_message_rollups() to service_role;

select private.rebuild_message_rollups();
