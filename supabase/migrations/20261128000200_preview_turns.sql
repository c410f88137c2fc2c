-- Preview turns: the owner chats with their own bot from the dashboard, with the editor's
-- unsaved settings. A preview is stored like any turn (so it counts toward the owner's monthly
-- quota and the model sees its history) but marked is_preview, with no visitor, and kept out of
-- the inbox, exports and analytics.

alter table public.messages add column is_preview boolean not null default false;
comment on column public.messages.is_preview is
  'The owner trying their own bot from the dashboard: counts toward the quota, never shown in the inbox, exports or analytics.';

-- start_turn gains p_preview; the eleven-argument version goes.
drop function private.start_turn(uuid, text, text, text, uuid, text, text, integer, integer, integer, integer);

create function private.start_turn(
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
  p_history_turns integer,
  p_preview boolean
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
  -- A preview is the owner trying their own bot from the dashboard: nobody else may start one.
  if not found or (p_preview and bot.user_id is distinct from (select auth.uid())) then
    return pg_catalog.jsonb_build_object('outcome', 'not_found');
  end if;

  -- Two concurrent turns for the same owner must not both slip under any of the limits below.
  -- The two-key form with its own class id keeps this apart from every single-key lock.
  perform pg_catalog.pg_advisory_xact_lock(1, pg_catalog.hashtext('chat-owner:' || bot.user_id::text));

  -- The owner previewing is not a visitor: no visitors row, and no visitor or per-IP limit.
  if not p_preview then
    insert into public.visitors as v (chatbot_id, visitor_id, name)
    values (bot.id, p_visitor_id, p_visitor_name)
    on conflict (chatbot_id, visitor_id) do update
      set last_seen = now(), name = coalesce(excluded.name, v.name)
    returning v.id into visitor_row_id;
  end if;

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
  if not p_preview and used >= max_messages then
    limited := 'visitor';
    retry_after := greatest(1, ceil(extract(epoch from oldest + pg_catalog.make_interval(secs => window_seconds) - now()))::integer);
  end if;

  -- Per (chatbot, client IP): five times as many, so an office behind one address isn't locked out.
  if limited is null and p_client_ip is not null and not p_preview then
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

  insert into public.messages (
    chatbot_id, visitor_id, conversation_id, message, status, client_ip, completed_at, is_preview, is_read
  )
  values (
    bot.id, visitor_row_id, conversation, p_message,
    case when limited is null then 'pending' else 'rate_limited' end,
    case when p_preview then null else p_client_ip end,
    case when limited is null then null else now() end,
    p_preview, p_preview
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
    where m.chatbot_id = bot.id and m.conversation_id = conversation
      and (m.visitor_id = visitor_row_id or (p_preview and m.is_preview and m.visitor_id is null))
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
comment on function private.start_turn(uuid, text, text, text, uuid, text, text, integer, integer, integer, integer, boolean) is
  'Starts a visitor''s turn in one round trip: checks the limits (serialized per owner), records the visitor and their message (pending, or rate_limited), and returns the bot, the owner''s profile and the conversation''s recent turns.';
revoke execute on function private.start_turn(uuid, text, text, text, uuid, text, text, integer, integer, integer, integer, boolean) from public;
grant execute on function private.start_turn(uuid, text, text, text, uuid, text, text, integer, integer, integer, integer, boolean) to anon, authenticated, service_role;
