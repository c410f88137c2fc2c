-- Hardening: table privileges that hold on Supabase too, a chat turn that survives a hand-edited
-- configuration and whose limits hold under concurrency, and finish_turn for the server only.
--
-- Every statement here can run again with the same result (tests re-apply this file after
-- granting what Supabase grants), so nothing below is a plain `create`.

-- ---------------------------------------------------------------------------------------------
-- Table privileges
-- ---------------------------------------------------------------------------------------------

-- Supabase's default privileges give anon and authenticated ALL on every table in public
-- (TRUNCATE included, which RLS does not govern). The core schema only revoked from anon, and a
-- column grant such as `update (is_read)` does not narrow a table-wide UPDATE already held, so
-- on Supabase owners could have rewritten what visitors sent. Revoke everything (table and
-- column grants alike) and grant back exactly what the API needs.
revoke all on public.profiles, public.chatbots, public.visitors, public.messages, public.api_keys
  from public, anon, authenticated;

grant select, insert, update, delete on public.profiles, public.chatbots, public.visitors to authenticated;

-- Owners may flip is_read on a message, never rewrite what a visitor sent.
grant select, insert, delete on public.messages to authenticated;
grant update (is_read) on public.messages to authenticated;

-- As 20261124000200_auth.sql: key_hash is never read back and a key is never rewritten.
grant select (id, user_id, name, prefix, created_at, last_used_at) on public.api_keys to authenticated;
grant insert (user_id, name, prefix, key_hash) on public.api_keys to authenticated;
grant delete on public.api_keys to authenticated;

grant select, insert, update, delete
  on public.profiles, public.chatbots, public.visitors, public.messages, public.api_keys to service_role;

-- ---------------------------------------------------------------------------------------------
-- private.start_turn
-- ---------------------------------------------------------------------------------------------

-- A configuration value, if it is a whole JSON number within [low, high]; null otherwise. The app
-- validates what it stores, but a row edited by hand (SQL editor, an old client) must degrade to
-- the default rather than make a cast fail and every chat with the bot a 500.
create or replace function private.config_integer(value jsonb, low integer, high integer)
returns integer
language plpgsql
immutable
set search_path = ''
as $$
declare
  number numeric;
begin
  -- Separate steps, not one boolean expression: nothing guarantees `and` checks the type before
  -- the cast, and casting a string fails.
  if value is null or pg_catalog.jsonb_typeof(value) <> 'number' then
    return null;
  end if;
  number := value::numeric;
  if number between low and high and number = pg_catalog.trunc(number) then
    return number::integer;
  end if;
  return null;
end;
$$;
comment on function private.config_integer(jsonb, integer, integer) is
  'A jsonb value as an integer when it is a whole number within [low, high], else null: reads a stored configuration without trusting it.';
revoke execute on function private.config_integer(jsonb, integer, integer) from public, anon, authenticated;
grant execute on function private.config_integer(jsonb, integer, integer) to service_role;

-- Same signature, grants and result as 20261124000400_chat.sql; two changes:
--  * rate_limit is read defensively, with the same rule as the app's resolveConfiguration: the
--    whole object is used when it is valid, else both values fall back to the defaults.
--  * the lock is per owner rather than per (bot, visitor). The visitor limit, the per-IP limit
--    and the owner's monthly quota all count rows of the owner's bots, so the one lock that
--    covers all three is the owner's; with a single lock per turn there is no order to get wrong
--    and no deadlock. It is held only for this short transaction, never while a model runs.
create or replace function private.start_turn(
  p_chatbot_id uuid,
  p_chatbot_slug text,
  p_visitor_id text,
  p_visitor_name text,
  p_conversation_id uuid,
  p_message text,
  p_client_ip text,
  p_default_max_messages integer,
  p_default_window_seconds integer,
  p_owner_monthly_messages integer,
  p_history_turns integer
) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  bot public.chatbots%rowtype;
  owner_profile public.profiles%rowtype;
  visitor_row_id uuid;
  conversation uuid := coalesce(p_conversation_id, gen_random_uuid());
  configured_limit jsonb;
  max_messages integer;
  window_seconds integer;
  window_start timestamptz;
  used integer;
  oldest timestamptz;
  limited text;
  limit_value integer;
  remaining integer;
  retry_after integer;
  message_row_id uuid;
  history jsonb;
begin
  select * into bot from public.chatbots c
  where (c.id = p_chatbot_id or c.public_url_slug = pg_catalog.lower(p_chatbot_slug))
    and (c.is_public or c.user_id = (select auth.uid()));
  if not found then
    return pg_catalog.jsonb_build_object('outcome', 'not_found');
  end if;

  -- Two concurrent turns for the same owner must not both slip under any of the limits below.
  -- The two-key form with its own class id keeps this apart from every single-key lock.
  perform pg_catalog.pg_advisory_xact_lock(1, pg_catalog.hashtext('chat-owner:' || bot.user_id::text));

  insert into public.visitors as v (chatbot_id, visitor_id, name)
  values (bot.id, p_visitor_id, p_visitor_name)
  on conflict (chatbot_id, visitor_id) do update
    set last_seen = now(), name = coalesce(excluded.name, v.name)
  returning v.id into visitor_row_id;

  configured_limit := bot.configuration -> 'rate_limit';
  -- Nested, as `-` on a non-object raises: the key check must only run once it is an object.
  if pg_catalog.jsonb_typeof(configured_limit) = 'object' then
    if configured_limit - 'max_messages' - 'window_seconds' = '{}'::jsonb then
      max_messages := private.config_integer(configured_limit -> 'max_messages', 1, 1000);
      window_seconds := private.config_integer(configured_limit -> 'window_seconds', 10, 86400);
    end if;
  end if;
  if max_messages is null or window_seconds is null then
    max_messages := p_default_max_messages;
    window_seconds := p_default_window_seconds;
  end if;
  window_start := now() - pg_catalog.make_interval(secs => window_seconds);
  limit_value := max_messages;

  -- Per (chatbot, visitor). Refused turns don't count, or a client that keeps retrying would
  -- never get back in.
  select count(*)::integer, min(m.created_at) into used, oldest from public.messages m
  where m.visitor_id = visitor_row_id and m.created_at > window_start and m.status <> 'rate_limited';
  remaining := max_messages - used;
  if used >= max_messages then
    limited := 'visitor';
    retry_after := greatest(1, ceil(extract(epoch from oldest + pg_catalog.make_interval(secs => window_seconds) - now()))::integer);
  end if;

  -- Per (chatbot, client IP): five times as many, so an office behind one address isn't locked out.
  if limited is null and p_client_ip is not null then
    select count(*)::integer, min(m.created_at) into used, oldest from public.messages m
    where m.chatbot_id = bot.id and m.client_ip = p_client_ip and m.created_at > window_start
      and m.status <> 'rate_limited';
    if used >= max_messages * 5 then
      limited := 'ip';
      limit_value := max_messages * 5;
      remaining := 0;
      retry_after := greatest(1, ceil(extract(epoch from oldest + pg_catalog.make_interval(secs => window_seconds) - now()))::integer);
    end if;
  end if;

  -- Per owner and calendar month (UTC), across all their chatbots.
  if limited is null then
    select count(*)::integer into used from public.messages m
    where m.chatbot_id in (select c.id from public.chatbots c where c.user_id = bot.user_id)
      and m.created_at >= pg_catalog.date_trunc('month', now() at time zone 'utc') at time zone 'utc'
      and m.status <> 'rate_limited';
    if used >= p_owner_monthly_messages then
      limited := 'owner_quota';
      limit_value := p_owner_monthly_messages;
      remaining := 0;
      retry_after := greatest(1, ceil(extract(epoch from
        (pg_catalog.date_trunc('month', now() at time zone 'utc') + interval '1 month') at time zone 'utc' - now()))::integer);
    end if;
  end if;

  insert into public.messages (chatbot_id, visitor_id, conversation_id, message, status, client_ip, completed_at)
  values (
    bot.id, visitor_row_id, conversation, p_message,
    case when limited is null then 'pending' else 'rate_limited' end,
    p_client_ip,
    case when limited is null then null else now() end
  )
  returning id into message_row_id;

  if limited is not null then
    return pg_catalog.jsonb_build_object(
      'outcome', 'rate_limited', 'limit', limited, 'limit_value', limit_value, 'retry_after', retry_after,
      'message_id', message_row_id, 'conversation_id', conversation
    );
  end if;

  select * into owner_profile from public.profiles p where p.user_id = bot.user_id;

  -- The conversation's latest answered turns, oldest first; only this visitor's, so knowing a
  -- conversation id alone reveals nothing.
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('message', t.message, 'response', t.response) order by t.created_at), '[]'::jsonb)
  into history
  from (
    select m.message, m.response, m.created_at from public.messages m
    where m.visitor_id = visitor_row_id and m.conversation_id = conversation
      and m.status = 'answered' and m.id <> message_row_id
    order by m.created_at desc
    limit p_history_turns
  ) t;

  return pg_catalog.jsonb_build_object(
    'outcome', 'started',
    'message_id', message_row_id,
    'conversation_id', conversation,
    'remaining', remaining - 1,
    'limit_value', limit_value,
    'chatbot', pg_catalog.jsonb_build_object(
      'id', bot.id, 'user_id', bot.user_id, 'name', bot.name, 'configuration', bot.configuration
    ),
    'profile', case when owner_profile.id is null then null else pg_catalog.jsonb_build_object(
      'name', owner_profile.name, 'location', owner_profile.location, 'bio', owner_profile.bio,
      'skills', owner_profile.skills, 'experience', owner_profile.experience, 'interests', owner_profile.interests
    ) end,
    'history', history
  );
end;
$$;
comment on function private.start_turn(uuid, text, text, text, uuid, text, text, integer, integer, integer, integer) is
  'Starts a visitor''s turn in one round trip: checks the limits (serialized per owner), records the visitor and their message (pending, or rate_limited), and returns the bot, the owner''s profile and the conversation''s recent turns.';
revoke execute on function private.start_turn(uuid, text, text, text, uuid, text, text, integer, integer, integer, integer) from public;
grant execute on function private.start_turn(uuid, text, text, text, uuid, text, text, integer, integer, integer, integer) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- private.finish_turn: the server's own call
-- ---------------------------------------------------------------------------------------------

-- Only the server ends a turn (lib/chat/answer.ts, through asService). Granted to anon, anyone
-- holding the public key could have finished a visitor's pending turn with text of their own.
revoke execute on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer)
  from public, anon, authenticated;
grant execute on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer) to service_role;
