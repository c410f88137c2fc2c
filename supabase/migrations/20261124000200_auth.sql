-- Accounts: the built-in backend's server-side sessions, API keys for integrations and the
-- counters behind the sign-in rate limit.
--
-- Users themselves live in auth.users (Supabase's table, or bootstrap.sql's stand-in). Tables only
-- the server reads or writes (sessions, attempt counters) live in schema `private` with no grants
-- to the API roles; api_keys is in public because owners list, create and revoke their own keys
-- under RLS, like every other owner table.

-- ---------------------------------------------------------------------------------------------
-- private.sessions (built-in backend only; Supabase Auth keeps its own)
-- ---------------------------------------------------------------------------------------------
create table private.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (kind in ('browser', 'token')),
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null
);
comment on table private.sessions is 'Built-in auth: one row per signed-in browser or issued access token. The signed cookie/token only names a row, so deleting it ends the session at once.';
comment on column private.sessions.kind is 'browser: a cookie session that slides while used; token: an access token from POST /api/auth/token, fixed lifetime.';
comment on column private.sessions.last_used_at is 'When the session was last extended; extensions are throttled so reads do not write on every request.';
comment on column private.sessions.expires_at is 'The session is dead after this instant, whatever the token it was issued with says.';

create index sessions_user_id_idx on private.sessions (user_id);
create index sessions_expires_at_idx on private.sessions (expires_at);

-- ---------------------------------------------------------------------------------------------
-- private.auth_attempts (fixed-window counters for sign-in/token rate limits)
-- ---------------------------------------------------------------------------------------------
create table private.auth_attempts (
  bucket text not null,
  window_start timestamptz not null,
  attempts integer not null default 0 check (attempts >= 0),
  primary key (bucket, window_start)
);
comment on table private.auth_attempts is 'Sign-in attempts per bucket and time window; in the database so the limit holds across server instances.';
comment on column private.auth_attempts.bucket is 'Kind and SHA-256 of the subject, e.g. ip:<hash> or email:<hash>: no raw address or email is kept.';
comment on column private.auth_attempts.window_start is 'Start of the fixed window the attempts are counted in.';

create index auth_attempts_window_start_idx on private.auth_attempts (window_start);

revoke all on private.sessions, private.auth_attempts from public, anon, authenticated;
grant select, insert, update, delete on private.sessions, private.auth_attempts to service_role;

-- ---------------------------------------------------------------------------------------------
-- public.api_keys
-- ---------------------------------------------------------------------------------------------
create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  prefix text not null check (char_length(prefix) between 4 and 32),
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);
comment on table public.api_keys is 'Owners'' API keys for integrations. A key acts as its owner; deleting the row revokes it at once.';
comment on column public.api_keys.prefix is 'The first characters of the key (cfk_ and a few more), shown so an owner can tell keys apart.';
comment on column public.api_keys.key_hash is 'Hex SHA-256 of the full key; the key itself is shown once, at creation, and never stored.';
comment on column public.api_keys.last_used_at is 'When the key last authenticated a request (updated at most once a minute).';

create index api_keys_user_id_created_at_idx on public.api_keys (user_id, created_at);

alter table public.api_keys enable row level security;

create policy "Owners read their own API keys" on public.api_keys
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Owners create their own API keys" on public.api_keys
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Owners delete their own API keys" on public.api_keys
  for delete to authenticated using (user_id = (select auth.uid()));

-- Owners may not read key_hash back (column grants), nor rewrite a key: revoke and create anew.
revoke all on public.api_keys from anon, authenticated;
grant select (id, user_id, name, prefix, created_at, last_used_at) on public.api_keys to authenticated;
grant insert (user_id, name, prefix, key_hash) on public.api_keys to authenticated;
grant delete on public.api_keys to authenticated;
grant select, insert, update, delete on public.api_keys to service_role;
