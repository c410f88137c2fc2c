-- Issue 14: a visitor who wants something from the owner leaves their details in the chat. The
-- owner lists them at /dashboard/contacts (and as CSV), hears of each by email, and integrations
-- by the contact.created webhook. A contact belongs to its visitor row, so erasing the visitor
-- (private.forget_visitor) erases it too.

create table public.contacts (
  id uuid primary key default gen_random_uuid(),
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  visitor_id uuid not null,
  conversation_id uuid,
  name text not null check (pg_catalog.length(name) between 1 and 200),
  email text check (email is null or pg_catalog.length(email) between 3 and 320),
  message text check (message is null or pg_catalog.length(message) <= 2000),
  created_at timestamptz not null default now(),
  foreign key (chatbot_id, visitor_id) references public.visitors (chatbot_id, id) on delete cascade
);
comment on table public.contacts is
  'Details visitors left for the owner in a bot''s chat; written by private.visitor_contact only, deleted with their visitor.';
comment on column public.contacts.visitor_id is 'The visitor row (public.visitors.id) who left them; erasing the visitor erases this.';
comment on column public.contacts.conversation_id is 'The conversation they were in, to open it from the contact.';
comment on column public.contacts.email is 'Where the owner can answer; null when the bot lets visitors leave none.';

create index contacts_user_created_idx on public.contacts (user_id, created_at desc, id desc);
create index contacts_visitor_idx on public.contacts (chatbot_id, visitor_id, created_at desc);

alter table public.contacts enable row level security;
revoke all on public.contacts from public, anon, authenticated;
grant select, delete on public.contacts to authenticated;
grant select, insert, update, delete on public.contacts to service_role;

create policy "Owners see their contacts" on public.contacts
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Owners delete their contacts" on public.contacts
  for delete to authenticated using (user_id = (select auth.uid()));

-- How the owner hears of new contacts: right away by email, or not (the page lists them).
alter table public.notification_settings
  add column contacts text not null default 'immediately' check (contacts in ('off', 'immediately'));
comment on column public.notification_settings.contacts is
  'An email when a visitor leaves their details: off or immediately.';
grant insert (contacts) on public.notification_settings to authenticated;
grant update (contacts) on public.notification_settings to authenticated;

-- A visitor leaves their details at a bot. Who they are comes from their cookie's secret (as in
-- private.visitor_feedback): they must have chatted with this bot already. The bot's
-- configuration.contact_form says whether it takes details at all and whether an email is
-- required. At most five per visitor and bot a day, read through an index. Answers the new
-- contact's id, or why not: not_found, email_required, too_many.
create function private.visitor_contact(
  p_chatbot_id uuid,
  p_visitor_secret text,
  p_conversation_id uuid,
  p_name text,
  p_email text,
  p_message text
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  bot public.chatbots%rowtype;
  visitor_row uuid;
  form text;
  contact_id uuid;
  clean_name text := pg_catalog.btrim(p_name);
  clean_email text := nullif(pg_catalog.btrim(p_email), '');
  clean_message text := nullif(pg_catalog.btrim(p_message), '');
begin
  if p_visitor_secret is null or pg_catalog.length(p_visitor_secret) < 32
     or clean_name is null or pg_catalog.length(clean_name) not between 1 and 200
     or (clean_email is not null and pg_catalog.length(clean_email) not between 3 and 320)
     or (clean_message is not null and pg_catalog.length(clean_message) > 2000) then
    return pg_catalog.jsonb_build_object('outcome', 'not_found');
  end if;
  select * into bot from public.chatbots c where c.id = p_chatbot_id and c.is_public;
  if not found then
    return pg_catalog.jsonb_build_object('outcome', 'not_found');
  end if;
  form := coalesce(bot.configuration ->> 'contact_form', 'email_required');
  if form = 'off' then
    return pg_catalog.jsonb_build_object('outcome', 'not_found');
  end if;
  if form = 'email_required' and clean_email is null then
    return pg_catalog.jsonb_build_object('outcome', 'email_required');
  end if;
  select v.id into visitor_row from public.visitors v
   where v.chatbot_id = bot.id and v.visitor_id = private.web_visitor_id(p_visitor_secret, bot.id);
  if not found then
    return pg_catalog.jsonb_build_object('outcome', 'not_found');
  end if;
  if (select count(*) from (select 1 from public.contacts k
        where k.chatbot_id = bot.id and k.visitor_id = visitor_row and k.created_at > now() - interval '1 day'
        limit 5) recent) >= 5 then
    return pg_catalog.jsonb_build_object('outcome', 'too_many');
  end if;

  -- The conversation named, if it is this visitor's; else their latest one.
  insert into public.contacts (chatbot_id, user_id, visitor_id, conversation_id, name, email, message)
  values (bot.id, bot.user_id, visitor_row,
          coalesce(
            (select m.conversation_id from public.messages m
              where m.visitor_id = visitor_row and m.conversation_id = p_conversation_id limit 1),
            (select m.conversation_id from public.messages m
              where m.visitor_id = visitor_row order by m.created_at desc limit 1)),
          clean_name, clean_email, clean_message)
  returning id into contact_id;
  -- The owner hears of it from the queue: an email (their choice) and the contact.created webhook.
  insert into private.jobs (kind, payload)
  values ('notify.contact', pg_catalog.jsonb_build_object('contact_id', contact_id));
  perform private.enqueue_webhook_event('contact.created', bot.id, pg_catalog.jsonb_build_object('contact_id', contact_id));
  return pg_catalog.jsonb_build_object('outcome', 'created', 'id', contact_id);
end;
$$;
comment on function private.visitor_contact(uuid, text, uuid, text, text, text) is
  'A visitor leaves their name, email and a message for the owner at a public bot they chatted with, identified by their cookie''s secret; queues the owner''s email and the contact.created webhook.';
revoke execute on function private.visitor_contact(uuid, text, uuid, text, text, text) from public;
grant execute on function private.visitor_contact(uuid, text, uuid, text, text, text) to anon, authenticated, service_role;
