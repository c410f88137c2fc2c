-- Issue 14: work that happens after the request that caused it (notifications by email, later
-- webhooks and digests) goes through a queue in Postgres, so it survives a restart, retries with
-- backoff, and is shared by every server on the database. Servers claim due jobs with
-- FOR UPDATE SKIP LOCKED, so two workers never take the same job, and a claim expires, so a job
-- whose worker died is taken again.

create table private.jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind ~ '^[a-z][a-z_.]{0,62}$'),
  payload jsonb not null default '{}'::jsonb,
  run_at timestamptz not null default now(),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 8 check (max_attempts between 1 and 50),
  locked_until timestamptz,
  last_error text,
  failed_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table private.jobs is
  'Work done outside the request that caused it. A finished job is deleted; one that failed every attempt is kept, with failed_at and last_error, for operators.';
comment on column private.jobs.kind is 'What to do; lib/jobs/handlers.ts maps each kind to its handler and payload schema.';
comment on column private.jobs.payload is 'The handler''s input: ids to look up, never a copy of what a visitor wrote.';
comment on column private.jobs.run_at is 'Not before this; moved forward by the backoff after a failed attempt.';
comment on column private.jobs.attempts is 'Attempts started so far, counted when a worker claims the job.';
comment on column private.jobs.locked_until is 'A worker''s claim; once past, another worker may take the job again.';
comment on column private.jobs.last_error is 'Why the latest attempt failed, for operators.';
comment on column private.jobs.failed_at is 'Set when the last attempt failed: the job is no longer run.';

-- The server's own role only: no policy, so no API role reads or writes a job.
alter table private.jobs enable row level security;
revoke all on private.jobs from public, anon, authenticated;
grant select, insert, update, delete on private.jobs to service_role;

-- What a worker looks for: due jobs not given up on, oldest first.
create index jobs_due_idx on private.jobs (run_at) where failed_at is null;

-- ---------------------------------------------------------------------------------------------
-- The owner's notification settings
-- ---------------------------------------------------------------------------------------------

create table public.notification_settings (
  user_id uuid primary key references auth.users (id) on delete cascade,
  unanswered_questions text not null default 'immediately'
    check (unanswered_questions in ('off', 'immediately', 'daily')),
  weekly_summary boolean not null default true,
  timezone text check (timezone is null or pg_catalog.length(timezone) between 1 and 64),
  last_daily_at timestamptz,
  next_daily_at timestamptz,
  last_weekly_at timestamptz,
  next_weekly_at timestamptz,
  updated_at timestamptz not null default now()
);
comment on table public.notification_settings is
  'How an owner wants to hear of events in their bots: one row per owner, made at sign-up. Owners change the first three columns; the schedule columns are the server''s.';
comment on column public.notification_settings.unanswered_questions is
  'An email when a bot could not answer a visitor''s question: off, immediately, or daily (one digest at 08:00 in the owner''s time zone).';
comment on column public.notification_settings.weekly_summary is
  'A summary of the week''s conversations every Monday at 08:00 in the owner''s time zone.';
comment on column public.notification_settings.timezone is
  'The owner''s IANA time zone for digests; null until they choose (the form offers the browser''s), read as UTC.';
comment on column public.notification_settings.last_daily_at is 'When the latest daily digest was queued: the next one covers what came after.';
comment on column public.notification_settings.next_daily_at is 'When the next daily digest is due; set by private.schedule_notification_times.';
comment on column public.notification_settings.last_weekly_at is 'When the latest weekly summary was queued.';
comment on column public.notification_settings.next_weekly_at is 'When the next weekly summary is due; set by private.schedule_notification_times.';

create index notification_settings_next_daily_idx on public.notification_settings (next_daily_at)
  where next_daily_at is not null;
create index notification_settings_next_weekly_idx on public.notification_settings (next_weekly_at)
  where next_weekly_at is not null;

alter table public.notification_settings enable row level security;
revoke all on public.notification_settings from public, anon, authenticated;
grant select on public.notification_settings to authenticated;
-- Owners write their choices only, never the schedule.
grant insert (user_id, unanswered_questions, weekly_summary, timezone) on public.notification_settings to authenticated;
grant update (unanswered_questions, weekly_summary, timezone, updated_at) on public.notification_settings to authenticated;
grant select, insert, update, delete on public.notification_settings to service_role;

create policy "Owners read their notification settings" on public.notification_settings
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Owners create their notification settings" on public.notification_settings
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Owners change their notification settings" on public.notification_settings
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

-- The next 08:00 in a time zone, tomorrow's (period 'day') or next Monday's (period 'week'), after now.
create function private.next_local_morning(p_timezone text, p_period text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
declare
  zone text := coalesce(p_timezone, 'UTC');
  local_now timestamp := now() at time zone zone;
  due timestamp := pg_catalog.date_trunc(p_period, local_now) + interval '8 hours';
begin
  if due <= local_now then
    due := due + case p_period when 'week' then interval '7 days' else interval '1 day' end;
  end if;
  return due at time zone zone;
end;
$$;
comment on function private.next_local_morning(text, text) is
  'The next 08:00 after now in a time zone: the next day''s (p_period day) or the next Monday''s (week).';
revoke execute on function private.next_local_morning(text, text) from public, anon, authenticated;

-- Whatever writes a row, the schedule follows from it: an owner's change of choice or time zone,
-- or the scheduler noting a digest it queued (last_*_at), moves the next due time.
-- Security definer: it runs when an owner saves their settings, and the helper it calls is the
-- server's own.
create function private.schedule_notification_times()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.unanswered_questions is distinct from old.unanswered_questions
     or new.timezone is distinct from old.timezone or new.last_daily_at is distinct from old.last_daily_at then
    new.next_daily_at := case when new.unanswered_questions = 'daily'
                              then private.next_local_morning(new.timezone, 'day') end;
  end if;
  if tg_op = 'INSERT' or new.weekly_summary is distinct from old.weekly_summary
     or new.timezone is distinct from old.timezone or new.last_weekly_at is distinct from old.last_weekly_at then
    new.next_weekly_at := case when new.weekly_summary then private.next_local_morning(new.timezone, 'week') end;
  end if;
  return new;
end;
$$;
comment on function private.schedule_notification_times() is
  'Trigger: keeps next_daily_at and next_weekly_at in step with the owner''s choices and the digests queued.';
revoke execute on function private.schedule_notification_times() from public, anon, authenticated;

create trigger notification_settings_schedule
  before insert or update on public.notification_settings
  for each row execute function private.schedule_notification_times();

-- Every owner has a row from sign-up, so the weekly summary (on by default) reaches them.
create function private.create_notification_settings()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.notification_settings (user_id) values (new.id) on conflict (user_id) do nothing;
  return null;
end;
$$;
comment on function private.create_notification_settings() is
  'Trigger: gives a new user their default notification settings.';
revoke execute on function private.create_notification_settings() from public, anon, authenticated;

create trigger users_create_notification_settings
  after insert on auth.users
  for each row execute function private.create_notification_settings();

insert into public.notification_settings (user_id) select id from auth.users on conflict (user_id) do nothing;

-- Queues the digests that are due, at most p_limit of each kind, in one statement: the owners
-- whose next 08:00 has come get a job each, and their row notes it (which moves the next one).
-- SKIP LOCKED, so servers scheduling at the same moment queue each digest once.
create function private.schedule_digests(p_limit integer)
returns integer
language sql
security definer
set search_path = ''
as $$
  with due_daily as (
    select s.user_id, coalesce(s.last_daily_at, now() - interval '1 day') as since
      from public.notification_settings s
     where s.next_daily_at <= now()
     order by s.next_daily_at
     limit p_limit
       for update skip locked
  ), due_weekly as (
    select s.user_id, coalesce(s.last_weekly_at, now() - interval '7 days') as since
      from public.notification_settings s
     where s.next_weekly_at <= now()
     order by s.next_weekly_at
     limit p_limit
       for update skip locked
  ), queued as (
    insert into private.jobs (kind, payload)
    select 'notify.daily_digest', pg_catalog.jsonb_build_object('user_id', user_id, 'since', since) from due_daily
    union all
    select 'notify.weekly_summary', pg_catalog.jsonb_build_object('user_id', user_id, 'since', since) from due_weekly
    returning 1
  ), noted as (
    update public.notification_settings s
       set last_daily_at = case when s.user_id in (select user_id from due_daily) then now() else s.last_daily_at end,
           last_weekly_at = case when s.user_id in (select user_id from due_weekly) then now() else s.last_weekly_at end
     where s.user_id in (select user_id from due_daily union select user_id from due_weekly)
  )
  select count(*)::integer from queued;
$$;
comment on function private.schedule_digests(integer) is
  'The server''s own: queues the daily digests and weekly summaries that are due and notes them on the owners'' rows.';
revoke execute on function private.schedule_digests(integer) from public, anon, authenticated;
grant execute on function private.schedule_digests(integer) to service_role;

-- ---------------------------------------------------------------------------------------------
-- Enqueued by the database itself, in the statement that records the turn
-- ---------------------------------------------------------------------------------------------

-- A turn the bot couldn't answer becomes a notification job in the same statement that records
-- it (private.finish_turn), so the chat turn spends no round trip on it and a failed send can
-- never fail the turn. Previews are the owner's own and never notify.
create function private.enqueue_unanswered_notification()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.outcome = 'unanswered' and old.outcome is distinct from 'unanswered' and not new.is_preview then
    insert into private.jobs (kind, payload)
    values ('notify.unanswered_question', pg_catalog.jsonb_build_object('message_id', new.id));
  end if;
  return null;
end;
$$;
comment on function private.enqueue_unanswered_notification() is
  'Trigger: queues the owner''s notification when a visitor''s turn is recorded as unanswered.';
revoke execute on function private.enqueue_unanswered_notification() from public, anon, authenticated;

create trigger messages_enqueue_unanswered
  after update of outcome on public.messages
  for each row execute function private.enqueue_unanswered_notification();
