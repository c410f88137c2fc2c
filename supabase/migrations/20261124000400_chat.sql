-- The chat engine's two database calls: one that starts a visitor's turn (limits, visitor,
-- pending message, context for the model) and one that ends it. Both are security definer so a
-- visitor (role anon) reaches exactly this and nothing else.

-- Counting a visitor's recent turns must be cheap: messages_visitor_idx covers (visitor_id, created_at).
-- The owner's monthly quota counts over all their bots' messages since the month began.
create index messages_chatbot_created_idx on public.messages (chatbot_id, created_at) where status <> 'rate_limited';

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

  -- Two turns of one visitor must not both slip under the limit.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext(bot.id::text || ':' || p_visitor_id));

  insert into public.visitors as v (chatbot_id, visitor_id, name)
  values (bot.id, p_visitor_id, p_visitor_name)
  on conflict (chatbot_id, visitor_id) do update
    set last_seen = now(), name = coalesce(excluded.name, v.name)
  returning v.id into visitor_row_id;

  max_messages := coalesce((bot.configuration -> 'rate_limit' ->> 'max_messages')::integer, p_default_max_messages);
  window_seconds := coalesce((bot.configuration -> 'rate_limit' ->> 'window_seconds')::integer, p_default_window_seconds);
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
  'Starts a visitor''s turn in one round trip: checks the limits, records the visitor and their message (pending, or rate_limited), and returns the bot, the owner''s profile and the conversation''s recent turns.';
revoke execute on function private.start_turn(uuid, text, text, text, uuid, text, text, integer, integer, integer, integer) from public;
grant execute on function private.start_turn(uuid, text, text, text, uuid, text, text, integer, integer, integer, integer) to anon, authenticated, service_role;

-- Ends a turn. Only a pending row changes, so nothing already answered can be rewritten.
create function private.finish_turn(
  p_message_id uuid,
  p_status text,
  p_response text,
  p_error text,
  p_model text,
  p_latency_ms integer,
  p_input_tokens integer,
  p_output_tokens integer
) returns boolean
language sql
security definer
set search_path = ''
as $$
  update public.messages
  set status = p_status,
      response = p_response,
      error = p_error,
      model = p_model,
      latency_ms = p_latency_ms,
      input_tokens = p_input_tokens,
      output_tokens = p_output_tokens,
      completed_at = now()
  where id = p_message_id and status = 'pending' and p_status in ('answered', 'failed', 'aborted')
  returning true;
$$;
comment on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer) is
  'Records how a pending turn ended: the answer (or what was generated before an abort), the model, latency and token usage.';
revoke execute on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer) from public;
grant execute on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer) to anon, authenticated, service_role;
