-- Issue 14: the owner's reply reaches a visitor who left an email, with a link that reopens the
-- conversation on any device; and contacts join the daily digest.
--
-- A visitor is known only by their browser's secret (the visitor cookie), from which each bot's
-- visitor id is hashed; the database never holds the secret itself. For a link to make another
-- browser that visitor at one bot, the server keeps the secret sealed (AES-GCM under a key derived
-- from AUTH_SECRET, bound to the bot), written when the visitor leaves their details. Only the
-- server can open it, and the link and the cookie it sets carry it sealed, so neither the database
-- nor the link's holder learns the secret or the visitor's identity at any other bot.

create table private.visitor_link_keys (
  visitor_row uuid primary key references public.visitors (id) on delete cascade,
  sealed text not null check (pg_catalog.length(sealed) between 16 and 400),
  updated_at timestamptz not null default now()
);
comment on table private.visitor_link_keys is
  'The visitor cookie''s secret of a visitor who left their details, sealed by the server for their bot: what a reply email''s link hands to another browser. Deleted with the visitor row (erasure, retention).';
comment on column private.visitor_link_keys.sealed is 'AES-256-GCM of the secret under a key only the server derives, with the bot''s id as associated data (lib/visitors/reply-link.ts).';

alter table private.visitor_link_keys enable row level security;
revoke all on private.visitor_link_keys from public, anon, authenticated;
grant select, insert, update, delete on private.visitor_link_keys to service_role;

-- Kept beside private.visitor_contact, in the same transaction: the visitor is found from the
-- secret exactly as there, so a caller can only store a key for the identity it already holds.
create function private.keep_visitor_link_key(p_chatbot_id uuid, p_visitor_secret text, p_sealed text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  found_row uuid;
begin
  if p_visitor_secret is null or pg_catalog.length(p_visitor_secret) < 32 then
    return false;
  end if;
  select v.id into found_row from public.visitors v
   where v.chatbot_id = p_chatbot_id and v.visitor_id = private.web_visitor_id(p_visitor_secret, p_chatbot_id);
  if not found then
    return false;
  end if;
  insert into private.visitor_link_keys (visitor_row, sealed) values (found_row, p_sealed)
  on conflict (visitor_row) do update set sealed = excluded.sealed, updated_at = now();
  return true;
end;
$$;
comment on function private.keep_visitor_link_key(uuid, text, text) is
  'Stores the sealed secret of the visitor holding p_visitor_secret at a bot, for the links in reply emails; false for an unknown visitor.';
revoke all on function private.keep_visitor_link_key(uuid, text, text) from public;
grant execute on function private.keep_visitor_link_key(uuid, text, text) to anon, authenticated, service_role;

-- A reply in a conversation whose visitor left an email queues that email, in the statement that
-- stores the reply. The job carries the reply's id only: erasing the visitor deletes the reply and
-- the contact, and the job then finds nothing to send.
create function private.enqueue_visitor_reply_email()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (
    select 1 from public.conversations cv
      join public.contacts k on k.chatbot_id = cv.chatbot_id and k.visitor_id = cv.visitor_id
     where cv.chatbot_id = new.chatbot_id and cv.conversation_id = new.conversation_id and k.email is not null
  ) then
    insert into private.jobs (kind, payload)
    values ('notify.visitor_reply', pg_catalog.jsonb_build_object('reply_id', new.id));
  end if;
  return null;
end;
$$;
comment on function private.enqueue_visitor_reply_email() is
  'Trigger: queues the email of an owner''s reply to the visitor of the conversation, when they left an email.';
revoke all on function private.enqueue_visitor_reply_email() from public, anon, authenticated;

create trigger owner_replies_email_visitor
  after insert on public.owner_replies
  for each row execute function private.enqueue_visitor_reply_email();

-- Contacts may now wait for the daily digest too.
alter table public.notification_settings drop constraint notification_settings_contacts_check;
alter table public.notification_settings
  add constraint notification_settings_contacts_check check (contacts in ('off', 'immediately', 'daily'));
comment on column public.notification_settings.contacts is
  'An email when a visitor leaves their details: off, immediately, or daily (in the daily digest).';

-- The daily digest is due when either event waits for it.
create or replace function private.schedule_notification_times()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.unanswered_questions is distinct from old.unanswered_questions
     or new.contacts is distinct from old.contacts
     or new.timezone is distinct from old.timezone or new.last_daily_at is distinct from old.last_daily_at then
    new.next_daily_at := case when new.unanswered_questions = 'daily' or new.contacts = 'daily'
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
  'Trigger: keeps next_daily_at (unanswered questions or contacts set to daily) and next_weekly_at in step with the owner''s choices and the digests queued.';
