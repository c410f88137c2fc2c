-- Chatfolio core schema: owners' profiles and chatbots, the visitors who talk to the bots and
-- the messages they exchange.
--
-- Owners reach their rows as role `authenticated` under RLS; visitors (role `anon`) reach
-- nothing directly, only the security-definer functions in schema `private`.

create schema if not exists private;
comment on schema private is 'Helpers the API roles may call but never browse: security-definer functions and internal tables.';
grant usage on schema private to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;

-- Keeps updated_at honest whichever client writes the row.
create function private.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- profiles
-- ---------------------------------------------------------------------------------------------
create table public.profiles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique default auth.uid() references auth.users (id) on delete cascade,
  name text check (char_length(name) <= 100),
  location text check (char_length(location) <= 100),
  bio text not null default '' check (char_length(bio) <= 10000),
  skills text not null default '' check (char_length(skills) <= 10000),
  experience text not null default '' check (char_length(experience) <= 10000),
  interests text not null default '' check (char_length(interests) <= 10000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'What an owner says about themselves; every chatbot of theirs answers from it.';
comment on column public.profiles.user_id is 'The owner (auth.users.id); one profile per owner.';
comment on column public.profiles.skills is 'Free text, as the owner writes it (a list, prose or both).';

alter table public.profiles enable row level security;

create policy "Owners read their own profile" on public.profiles
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Owners create their own profile" on public.profiles
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Owners update their own profile" on public.profiles
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "Owners delete their own profile" on public.profiles
  for delete to authenticated using (user_id = (select auth.uid()));

create trigger profiles_set_updated_at before update on public.profiles
  for each row execute function private.set_updated_at();

-- ---------------------------------------------------------------------------------------------
-- chatbots
-- ---------------------------------------------------------------------------------------------
create table public.chatbots (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  description text check (char_length(description) <= 1000),
  is_public boolean not null default true,
  configuration jsonb not null default '{}'::jsonb check (jsonb_typeof(configuration) = 'object'),
  public_url_slug text not null unique check (
    char_length(public_url_slug) between 3 and 64
    and public_url_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'
  ),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.chatbots is 'An owner''s AI chatbot; visitors reach a public one at /c/<public_url_slug>.';
comment on column public.chatbots.configuration is 'Welcome message, starter questions, tone, model, rate limit, theme; validated by the app, defaults applied when read.';
comment on column public.chatbots.public_url_slug is 'Lowercase letters, digits and single hyphens; unique across all owners.';

create index chatbots_user_id_created_at_idx on public.chatbots (user_id, created_at);

alter table public.chatbots enable row level security;

create policy "Owners read their own chatbots" on public.chatbots
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Owners create their own chatbots" on public.chatbots
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Owners update their own chatbots" on public.chatbots
  for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "Owners delete their own chatbots" on public.chatbots
  for delete to authenticated using (user_id = (select auth.uid()));

create trigger chatbots_set_updated_at before update on public.chatbots
  for each row execute function private.set_updated_at();

-- ---------------------------------------------------------------------------------------------
-- visitors
-- ---------------------------------------------------------------------------------------------
create table public.visitors (
  id uuid primary key default gen_random_uuid(),
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  visitor_id text not null check (visitor_id ~ '^[A-Za-z0-9_-]{1,128}$'),
  name text check (char_length(name) <= 100),
  first_seen timestamptz not null default now(),
  last_seen timestamptz not null default now(),
  unique (chatbot_id, visitor_id)
);
comment on table public.visitors is 'Someone who talked to a chatbot. Scoped per chatbot, so no owner learns who talked to another owner''s bot.';
comment on column public.visitors.visitor_id is 'The id the client chose (the public page''s cookie, or an integration''s own id).';

alter table public.visitors enable row level security;

-- `chatbot_id in (select ...)` rather than a join: the subquery runs once per statement.
create policy "Owners read their chatbots' visitors" on public.visitors
  for select to authenticated
  using (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())));
create policy "Owners add visitors to their chatbots" on public.visitors
  for insert to authenticated
  with check (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())));
create policy "Owners update their chatbots' visitors" on public.visitors
  for update to authenticated
  using (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())))
  with check (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())));
create policy "Owners delete their chatbots' visitors" on public.visitors
  for delete to authenticated
  using (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())));

-- ---------------------------------------------------------------------------------------------
-- messages
-- ---------------------------------------------------------------------------------------------
create table public.messages (
  id uuid primary key default gen_random_uuid(),
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  visitor_id uuid references public.visitors (id) on delete cascade,
  conversation_id uuid not null,
  message text not null,
  response text,
  status text not null default 'pending'
    check (status in ('pending', 'answered', 'failed', 'aborted', 'rate_limited')),
  error text,
  model text,
  latency_ms integer check (latency_ms >= 0),
  input_tokens integer check (input_tokens >= 0),
  output_tokens integer check (output_tokens >= 0),
  client_ip text,
  is_read boolean not null default false,
  created_at timestamptz not null default now(),
  completed_at timestamptz
);
comment on table public.messages is 'One exchange: what a visitor sent and what the chatbot answered. Written before the model is called, so nothing a visitor sends is lost.';
comment on column public.messages.visitor_id is 'The visitors row (visitors.id), as in the original design; not the client''s visitor id.';
comment on column public.messages.conversation_id is 'Groups the turns the model sees as memory; a new id starts a fresh conversation.';
comment on column public.messages.status is 'pending until the model ends: answered, failed, aborted (client left mid-stream) or rate_limited (never sent to the model).';
comment on column public.messages.error is 'Why a turn failed; for the server and its operators only, never shown to visitors.';
comment on column public.messages.client_ip is 'The caller''s address, kept for the per-IP rate limit.';

-- The owner's inbox: newest first per chatbot (keyset on created_at, id), unread first, by visitor.
create index messages_inbox_idx on public.messages (chatbot_id, created_at desc, id desc);
create index messages_unread_idx on public.messages (chatbot_id, created_at desc, id desc) where not is_read;
create index messages_visitor_idx on public.messages (visitor_id, created_at desc);
create index messages_conversation_idx on public.messages (conversation_id, created_at);
create index messages_client_ip_idx on public.messages (chatbot_id, client_ip, created_at);

alter table public.messages enable row level security;

create policy "Owners read their chatbots' messages" on public.messages
  for select to authenticated
  using (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())));
create policy "Owners add messages to their chatbots" on public.messages
  for insert to authenticated
  with check (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())));
create policy "Owners update their chatbots' messages" on public.messages
  for update to authenticated
  using (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())))
  with check (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())));
create policy "Owners delete their chatbots' messages" on public.messages
  for delete to authenticated
  using (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())));

-- ---------------------------------------------------------------------------------------------
-- Privileges. Supabase grants the API roles everything in public through default privileges;
-- plain PostgreSQL and PGlite don't, so grant explicitly (harmless on Supabase). anon gets no
-- table at all; owners may only flip is_read on a message, never rewrite what a visitor sent.
-- ---------------------------------------------------------------------------------------------
revoke all on public.profiles, public.chatbots, public.visitors, public.messages from anon;
grant select, insert, update, delete on public.profiles, public.chatbots, public.visitors to authenticated;
grant select, insert, delete on public.messages to authenticated;
grant update (is_read) on public.messages to authenticated;
grant select, insert, update, delete on public.profiles, public.chatbots, public.visitors, public.messages to service_role;

-- ---------------------------------------------------------------------------------------------
-- Functions
-- ---------------------------------------------------------------------------------------------

-- A free slug made from base_slug, with a numeric suffix when taken. Security definer because
-- RLS hides other owners' slugs from the caller. It takes a transaction-scoped advisory lock on
-- the base, so calling it in the inserting transaction serializes concurrent creates.
create function public.generate_unique_slug(base_slug text) returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  candidate text := base_slug;
  suffix integer := 1;
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('chatbot-slug:' || base_slug));
  while exists (select 1 from public.chatbots where public_url_slug = candidate) loop
    suffix := suffix + 1;
    candidate := pg_catalog.left(base_slug, 64 - pg_catalog.length(suffix::text) - 1) || '-' || suffix::text;
  end loop;
  return candidate;
end;
$$;
comment on function public.generate_unique_slug(text) is 'A slug not yet used by any chatbot, from base_slug plus a numeric suffix when needed.';
revoke execute on function public.generate_unique_slug(text) from public, anon;
grant execute on function public.generate_unique_slug(text) to authenticated, service_role;

-- What the public page /c/<slug> shows: a public chatbot for anyone, a private one only for its
-- owner (who previews it). Returns the bot and the parts of the owner's profile a visitor sees.
create function private.chatbot_page(slug text)
returns table (
  id uuid,
  user_id uuid,
  name text,
  description text,
  is_public boolean,
  configuration jsonb,
  public_url_slug text,
  owner_name text,
  owner_location text,
  owner_bio text
)
language sql
stable
security definer
set search_path = ''
as $$
  select c.id, c.user_id, c.name, c.description, c.is_public, c.configuration, c.public_url_slug,
         p.name, p.location, p.bio
  from public.chatbots c
  left join public.profiles p on p.user_id = c.user_id
  where c.public_url_slug = pg_catalog.lower(slug)
    and (c.is_public or c.user_id = (select auth.uid()));
$$;
comment on function private.chatbot_page(text) is 'The public page''s view of a chatbot: public bots for anyone, private ones for their owner only.';
revoke execute on function private.chatbot_page(text) from public;
grant execute on function private.chatbot_page(text) to anon, authenticated, service_role;
