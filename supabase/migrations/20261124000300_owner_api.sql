-- Owner API: the one cross-owner read the API allows (another owner's public profile), a fix to
-- generate_unique_slug's suffixing, and the ledger behind the single-user -> multi-user import.

-- ---------------------------------------------------------------------------------------------
-- Another owner's profile, for GET /api/profile?user_id=
-- ---------------------------------------------------------------------------------------------

-- Security definer rather than an RLS policy: a policy "profiles of owners with a public bot"
-- would widen every query owners run on profiles; this function answers only this one question.
-- An owner without any public chatbot stays private (no row), exactly like one that doesn't exist.
create function private.public_profile(target_user_id uuid)
returns setof public.profiles
language sql
stable
security definer
set search_path = ''
as $$
  select p.*
  from public.profiles p
  where p.user_id = target_user_id
    and (
      p.user_id = (select auth.uid())
      or exists (select 1 from public.chatbots c where c.user_id = target_user_id and c.is_public)
    );
$$;
comment on function private.public_profile(uuid) is 'An owner''s profile when they have at least one public chatbot (or are the caller); nothing otherwise.';
revoke execute on function private.public_profile(uuid) from public, anon;
grant execute on function private.public_profile(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- generate_unique_slug: never leave a hyphen before the suffix
-- ---------------------------------------------------------------------------------------------

-- The first version cut a long base at a fixed length before appending "-<n>"; a cut landing
-- right after a hyphen made "--", which the slug check refuses. Same signature and grants.
create or replace function public.generate_unique_slug(base_slug text) returns text
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
    candidate := pg_catalog.rtrim(pg_catalog.left(base_slug, 64 - pg_catalog.length(suffix::text) - 1), '-')
      || '-' || suffix::text;
  end loop;
  return candidate;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- private.legacy_imports
-- ---------------------------------------------------------------------------------------------
create table private.legacy_imports (
  source text not null,
  legacy_table text not null check (legacy_table in ('profile', 'messages')),
  legacy_key text not null,
  owner_id uuid not null references auth.users (id) on delete cascade,
  chatbot_id uuid references public.chatbots (id) on delete set null,
  target_id uuid,
  imported_at timestamptz not null default now(),
  primary key (source, legacy_table, legacy_key)
);
comment on table private.legacy_imports is 'Rows of a single-user deployment already imported by `npm run db:import-legacy`, so a second run imports nothing twice.';
comment on column private.legacy_imports.source is 'Which legacy database and schema: host:port/database/schema for a --source-url, app/<schema> for the app''s own database.';
comment on column private.legacy_imports.legacy_key is 'The legacy row''s id when its table has one, else a SHA-256 of its content.';
comment on column private.legacy_imports.chatbot_id is 'The chatbot the import created; later runs add new legacy messages to it.';
comment on column private.legacy_imports.target_id is 'The row it became: profiles.id or messages.id (null when the owner already had a profile).';

-- Only the import script (the server's own role) touches the ledger; RLS without policies keeps
-- the API roles out even if a grant slips in later.
alter table private.legacy_imports enable row level security;
revoke all on private.legacy_imports from public, anon, authenticated;
grant select, insert, update, delete on private.legacy_imports to service_role;
