-- What a Supabase project already has and plain PostgreSQL / PGlite lack.
--
-- Every statement is guarded by an existence check and nothing is created "or replace"d, so on
-- Supabase this file changes nothing and needs no detection of the target. It lives outside
-- supabase/migrations on purpose: the Supabase CLI never pushes it, and our migrator
-- (lib/db/migrate.ts) runs it before the migrations on every other target.
--
-- Roles are cluster-wide: several databases on one server share them, hence the guards.

do $bootstrap$
declare
  fn text;
  -- The loop below walks (name, definition) pairs; fn_name holds the name until its definition.
  fn_name text;
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;

  -- The app connects as one login role and switches to anon/authenticated per transaction, as
  -- PostgREST does on Supabase. A non-superuser login needs membership to do that.
  if not pg_catalog.pg_has_role(current_user, 'authenticated', 'member') then
    execute pg_catalog.format('grant anon, authenticated, service_role to %I', current_user);
  end if;

  if not exists (select 1 from pg_catalog.pg_namespace where nspname = 'auth') then
    create schema auth;
    grant usage on schema auth to anon, authenticated, service_role;
  end if;

  -- The columns of Supabase's auth.users that this app reads or writes; Supabase's own table
  -- has these (and more) with the same names and types.
  if not exists (
    select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'auth' and c.relname = 'users'
  ) then
    create table auth.users (
      instance_id uuid,
      id uuid primary key,
      aud varchar(255),
      role varchar(255),
      email varchar(255),
      encrypted_password varchar(255),
      email_confirmed_at timestamptz,
      last_sign_in_at timestamptz,
      raw_app_meta_data jsonb,
      raw_user_meta_data jsonb,
      created_at timestamptz default now(),
      updated_at timestamptz default now()
    );
    create unique index users_email_key on auth.users (lower(email));
    comment on table auth.users is 'Stand-in for Supabase Auth''s users table when running without Supabase.';
  end if;

  -- auth.uid(), auth.role(), auth.email() and auth.jwt() exactly as Supabase defines them,
  -- including nullif: a transaction-local setting is left as '' afterwards, and ''::jsonb fails.
  foreach fn in array array[
    'uid', $fn$create function auth.uid() returns uuid language sql stable as $body$
      select coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
      )::uuid
    $body$$fn$,
    'role', $fn$create function auth.role() returns text language sql stable as $body$
      select coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
      )::text
    $body$$fn$,
    'email', $fn$create function auth.email() returns text language sql stable as $body$
      select coalesce(
        nullif(current_setting('request.jwt.claim.email', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
      )::text
    $body$$fn$,
    'jwt', $fn$create function auth.jwt() returns jsonb language sql stable as $body$
      select coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
      )::jsonb
    $body$$fn$
  ] loop
    if fn_name is null then
      fn_name := fn;
      continue;
    end if;
    if not exists (
      select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'auth' and p.proname = fn_name
    ) then
      execute fn;
    end if;
    fn_name := null;
  end loop;

  -- The Supabase CLI's migration ledger; sharing it means `supabase db push` and
  -- `npm run db:migrate` agree on what has been applied.
  if not exists (select 1 from pg_catalog.pg_namespace where nspname = 'supabase_migrations') then
    create schema supabase_migrations;
  end if;
  if not exists (
    select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'supabase_migrations' and c.relname = 'schema_migrations'
  ) then
    create table supabase_migrations.schema_migrations (
      version text primary key,
      statements text[],
      name text
    );
  end if;
end
$bootstrap$;
