-- Issue 21, finding 8: a burst of contacts sent the owner one email each, at once. The first
-- contact is still mailed at once; those that arrive within the next few minutes wait and go out
-- together in one email when that time is up. Each contact records when the immediate email dealt
-- with it, and each owner when one was last sent, so two servers running the queue send one group.

alter table public.contacts add column notified_at timestamptz;
comment on column public.contacts.notified_at is
  'When the owner''s immediate email dealt with this contact: sent it, alone or in a group, or found the owner wants none; null while that is due.';
-- Contacts from before were mailed one by one (or not wanted) when they came.
update public.contacts set notified_at = created_at where notified_at is null;

-- What the email job reads: one owner's contacts still waiting, a handful at any time.
create index contacts_awaiting_notice_idx on public.contacts (user_id, created_at) where notified_at is null;

create table private.contact_email_state (
  user_id uuid primary key references auth.users (id) on delete cascade,
  last_sent_at timestamptz,
  group_due_at timestamptz
);
comment on table private.contact_email_state is
  'Per owner, how their immediate contact emails are paced; the job locks the row, so one server at a time decides.';
comment on column private.contact_email_state.last_sent_at is 'When the latest immediate contact email went out.';
comment on column private.contact_email_state.group_due_at is
  'When the email grouping the contacts that came since is queued to go; null when none is queued.';

-- The server's own role only: no policy, so no API role reads or writes it.
alter table private.contact_email_state enable row level security;
revoke all on private.contact_email_state from public, anon, authenticated;
grant select, insert, update, delete on private.contact_email_state to service_role;
