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
    check (unanswered_questions in ('off', 'immediately')),
  updated_at timestamptz not null default now()
);
comment on table public.notification_settings is
  'How an owner wants to hear of events in their bots; an owner without a row gets the defaults.';
comment on column public.notification_settings.unanswered_questions is
  'An email when a bot could not answer a visitor''s question: off or immediately.';

alter table public.notification_settings enable row level security;
revoke all on public.notification_settings from public, anon, authenticated;
grant select, insert, update, delete on public.notification_settings to authenticated;
grant select, insert, update, delete on public.notification_settings to service_role;

create policy "Owners read their notification settings" on public.notification_settings
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Owners create their notification settings" on public.notification_settings
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Owners change their notification settings" on public.notification_settings
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "Owners delete their notification settings" on public.notification_settings
  for delete to authenticated using (user_id = (select auth.uid()));

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
