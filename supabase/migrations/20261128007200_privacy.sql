-- Issue 14, privacy the owner controls: block a visitor, or the network they write from, without
-- ever seeing its address; and a per-bot list of words that refuse a message before the model
-- sees it. Both refusals are counted like rate-limited turns (chatbot_daily_usage.refused), never
-- stored as messages.

create table public.blocked_visitors (
  id uuid primary key default gen_random_uuid(),
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  visitor_id text,
  network cidr,
  blocked_from uuid references public.conversations (id) on delete set null,
  created_at timestamptz not null default now(),
  check ((visitor_id is null) <> (network is null))
);
comment on table public.blocked_visitors is
  'Visitors and networks an owner blocked at one bot: their chats get a polite refusal. Made by private.block_conversation_visitor only.';
comment on column public.blocked_visitors.visitor_id is 'The blocked visitor''s id (as the inbox shows it), for a visitor block.';
comment on column public.blocked_visitors.blocked_from is 'The inbox conversation the owner blocked from, to show and lift the block there.';
comment on column public.blocked_visitors.network is
  'For a network block: the IPv4 address or IPv6 /64 the visitor wrote from. Never readable by owners (no column grant).';

create unique index blocked_visitors_visitor_key on public.blocked_visitors (chatbot_id, visitor_id) where visitor_id is not null;
create unique index blocked_visitors_network_key on public.blocked_visitors (chatbot_id, network) where network is not null;
create index blocked_visitors_user_id_idx on public.blocked_visitors (user_id);
create index blocked_visitors_blocked_from_idx on public.blocked_visitors (blocked_from);

alter table public.blocked_visitors enable row level security;
revoke all on public.blocked_visitors from public, anon, authenticated;
-- Owners list and lift their blocks, but never read an address; blocks are made by the function below.
grant select (id, chatbot_id, user_id, visitor_id, blocked_from, created_at) on public.blocked_visitors to authenticated;
grant delete on public.blocked_visitors to authenticated;
grant select, insert, update, delete on public.blocked_visitors to service_role;

create policy "Owners see their blocks" on public.blocked_visitors
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Owners lift their blocks" on public.blocked_visitors
  for delete to authenticated using (user_id = (select auth.uid()));

-- Blocks the visitor of one of the caller's conversations (p_id: the inbox's public.conversations
-- row), or the network of their latest turn in it (an IPv4 address, an IPv6 /64), reading the
-- address here so the owner never sees it.
create function private.block_conversation_visitor(p_id uuid, p_scope text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  turn record;
begin
  if p_scope not in ('visitor', 'network') then
    return false;
  end if;
  select m.chatbot_id, c.user_id, v.visitor_id, m.client_ip into turn
    from public.conversations cv
    join public.chatbots c on c.id = cv.chatbot_id
    join public.messages m on m.chatbot_id = cv.chatbot_id and m.conversation_id = cv.conversation_id
    left join public.visitors v on v.id = m.visitor_id
   where cv.id = p_id and c.user_id = (select auth.uid()) and not m.is_preview
   order by m.created_at desc
   limit 1;
  if not found then
    return false;
  end if;
  if p_scope = 'visitor' then
    if turn.visitor_id is null then
      return false;
    end if;
    insert into public.blocked_visitors (chatbot_id, user_id, visitor_id, blocked_from)
    values (turn.chatbot_id, turn.user_id, turn.visitor_id, p_id)
    on conflict (chatbot_id, visitor_id) where visitor_id is not null do nothing;
  else
    if turn.client_ip is null then
      return false;
    end if;
    insert into public.blocked_visitors (chatbot_id, user_id, network, blocked_from)
    values (turn.chatbot_id, turn.user_id,
            case when pg_catalog.family(turn.client_ip::inet) = 6
                 then pg_catalog.network(pg_catalog.set_masklen(turn.client_ip::inet, 64))
                 else pg_catalog.network(pg_catalog.set_masklen(turn.client_ip::inet, 32)) end, p_id)
    on conflict (chatbot_id, network) where network is not null do nothing;
  end if;
  return true;
end;
$$;
comment on function private.block_conversation_visitor(uuid, text) is
  'Blocks the visitor (p_scope visitor) or the network (network) behind one of the calling owner''s conversations at its bot; false when the conversation isn''t theirs or has no such visitor or address.';
revoke execute on function private.block_conversation_visitor(uuid, text) from public, anon;
grant execute on function private.block_conversation_visitor(uuid, text) to authenticated;

create or replace function private.start_turn(
  p_caller uuid,
  p_chatbot_id uuid,
  p_chatbot_slug text,
  p_visitor_id text,
  p_visitor_name text,
  p_conversation_id uuid,
  p_message text,
  p_client_ip text,
  p_client_network text,
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
  today date := (now() at time zone 'utc')::date;
  this_month date := pg_catalog.date_trunc('month', now() at time zone 'utc')::date;
  quota integer := greatest(0, coalesce(p_owner_monthly_messages, 0));
  configured_limit jsonb;
  max_messages integer;
  window_seconds integer;
  window_begins timestamptz;
  daily_cap integer;
  used integer;
  limited text;
  limit_value integer;
  remaining integer;
  retry_after integer;
  message_row_id uuid;
  history jsonb;
begin
  select * into bot from public.chatbots c
  where (c.id = p_chatbot_id or c.public_url_slug = pg_catalog.lower(p_chatbot_slug))
    and (c.is_public or c.user_id = p_caller);
  -- A preview is the owner trying their own bot from the dashboard: nobody else may start one.
  if not found or (p_preview and bot.user_id is distinct from p_caller) then
    return pg_catalog.jsonb_build_object('outcome', 'not_found');
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
    max_messages := greatest(1, coalesce(p_default_max_messages, 1));
    window_seconds := greatest(10, coalesce(p_default_window_seconds, 10));
  end if;
  window_begins := pg_catalog.to_timestamp(
    pg_catalog.floor(extract(epoch from now()) / window_seconds) * window_seconds);
  daily_cap := private.config_integer(bot.configuration -> 'daily_message_limit', 1, 1000000);
  limit_value := max_messages;
  remaining := max_messages;

  -- Reads first, without locks: the visitor's row, their history and the owner's profile.
  if not p_preview then
    select v.id into visitor_row_id from public.visitors v
    where v.chatbot_id = bot.id and v.visitor_id = p_visitor_id;
  end if;

  -- The owner's blocks come first: a blocked visitor or network, or a message with a blocked word,
  -- is refused before anything else is read or written, and only counted (issue 14).
  if not p_preview and exists (
    select 1 from public.blocked_visitors b
     where b.chatbot_id = bot.id
       and (b.visitor_id = p_visitor_id
            or (b.network is not null and p_client_ip is not null and p_client_ip::inet <<= b.network))
  ) then
    limited := 'blocked';
  elsif not p_preview and pg_catalog.jsonb_typeof(bot.configuration -> 'blocked_words') = 'array'
    and pg_catalog.regexp_split_to_array(pg_catalog.lower(p_message), '[^[:alnum:]]+')
        && array(select pg_catalog.lower(w) from pg_catalog.jsonb_array_elements_text(bot.configuration -> 'blocked_words') w) then
    limited := 'blocked_word';
  end if;

  -- Spent budgets refuse at once, writing nothing but the refusal, from reads that take no lock:
  -- a flood from one visitor, one network or to a spent bot costs a few index reads and one
  -- counter increment per turn. A budget another turn spends meanwhile is caught below.
  if limited is not null then
    null;
  elsif coalesce((select u.turns from public.owner_monthly_usage u
               where u.user_id = bot.user_id and u.month = this_month), 0) >= quota then
    limited := 'owner_quota';
  elsif daily_cap is not null and coalesce((select d.turns from public.chatbot_daily_usage d
               where d.chatbot_id = bot.id and d.day = today), 0) >= daily_cap then
    limited := 'bot_daily';
  elsif not p_preview and coalesce((select w.turns from private.chat_windows w
               where w.chatbot_id = bot.id and w.subject = 'visitor:' || p_visitor_id
                 and w.window_start = window_begins), 0) >= max_messages then
    limited := 'visitor';
  elsif not p_preview and p_client_network is not null and coalesce((select w.turns from private.chat_windows w
               where w.chatbot_id = bot.id and w.subject = 'ip:' || p_client_network
                 and w.window_start = window_begins), 0) >= max_messages * 5 then
    limited := 'ip';
  end if;

  if limited is null then
    select * into owner_profile from public.profiles p where p.user_id = bot.user_id;

    -- The conversation's latest answered turns, oldest first; only this visitor's, so knowing a
    -- conversation id alone reveals nothing.
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('message', t.message, 'response', t.response) order by t.created_at), '[]'::jsonb)
    into history
    from (
      select m.message, m.response, m.created_at from public.messages m
      where m.chatbot_id = bot.id and m.conversation_id = conversation
        and ((not p_preview and m.visitor_id = visitor_row_id)
             or (p_preview and m.is_preview and m.visitor_id is null))
        and m.status = 'answered'
      order by m.created_at desc
      limit greatest(0, least(coalesce(p_history_turns, 0), 50))
    ) t;

    -- The writes, then the counters, last, so their row locks (the bot's day and the owner's
    -- month are shared by every turn of the bot) are held only from here to the commit. A counter
    -- spent after all (a concurrent turn took the last of it) raises, and the block's writes and
    -- increments are undone together: the turn is refused having taken nothing.
    begin
      if not p_preview then
        insert into public.visitors as v (chatbot_id, visitor_id, name)
        values (bot.id, p_visitor_id, p_visitor_name)
        on conflict (chatbot_id, visitor_id) do update
          set last_seen = now(), name = coalesce(excluded.name, v.name)
        returning v.id into visitor_row_id;
      end if;

      insert into public.messages (
        chatbot_id, visitor_id, conversation_id, message, status, client_ip, is_preview, is_read
      )
      values (
        bot.id, visitor_row_id, conversation, p_message, 'pending',
        case when p_preview then null else p_client_ip end, p_preview, p_preview
      )
      returning id into message_row_id;

      -- Per (chatbot, visitor). Refused turns don't count, or a client that keeps retrying would
      -- never get back in.
      if not p_preview then
        used := null;
        insert into private.chat_windows as w (chatbot_id, subject, window_start, turns)
        values (bot.id, 'visitor:' || p_visitor_id, window_begins, 1)
        on conflict (chatbot_id, subject, window_start) do update set turns = w.turns + 1
          where w.turns < max_messages
        returning w.turns into used;
        if used is null then
          raise exception using errcode = 'P0001', message = 'visitor';
        end if;
        remaining := max_messages - used;
        -- A visitor's first turn in a window now and then sweeps windows long over.
        if used = 1 and pg_catalog.random() < 0.01 then
          perform private.sweep_chat_windows();
        end if;
      end if;

      -- Per (chatbot, client network): five times as many, so an office behind one address isn't
      -- locked out. An IPv6 client is keyed on its /64 (the server passes it), which one host holds.
      if not p_preview and p_client_network is not null then
        used := null;
        insert into private.chat_windows as w (chatbot_id, subject, window_start, turns)
        values (bot.id, 'ip:' || p_client_network, window_begins, 1)
        on conflict (chatbot_id, subject, window_start) do update set turns = w.turns + 1
          where w.turns < max_messages * 5
        returning w.turns into used;
        if used is null then
          raise exception using errcode = 'P0001', message = 'ip';
        end if;
      end if;

      used := null;
      insert into public.chatbot_daily_usage as d (chatbot_id, day, turns)
      values (bot.id, today, 1)
      on conflict (chatbot_id, day) do update set turns = d.turns + 1
        where daily_cap is null or d.turns < daily_cap
      returning d.turns into used;
      if used is null then
        raise exception using errcode = 'P0001', message = 'bot_daily';
      end if;

      used := null;
      insert into public.owner_monthly_usage as u (user_id, month, turns)
      values (bot.user_id, this_month, 1)
      on conflict (user_id, month) do update set turns = u.turns + 1
        where u.turns < quota
      returning u.turns into used;
      if used is null then
        raise exception using errcode = 'P0001', message = 'owner_quota';
      end if;
    exception when raise_exception then
      limited := sqlerrm;
    end;
  end if;

  if limited is null then
    return pg_catalog.jsonb_build_object(
      'outcome', 'started',
      'message_id', message_row_id,
      'conversation_id', conversation,
      'remaining', remaining,
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
  end if;

  -- Refused: the block above undid whatever the turn took; only the refusal is counted.
  insert into public.chatbot_daily_usage as d (chatbot_id, day, refused)
  values (bot.id, today, 1)
  on conflict (chatbot_id, day) do update set refused = d.refused + 1;

  if limited in ('blocked', 'blocked_word') then
    return pg_catalog.jsonb_build_object('outcome', 'refused', 'reason', limited);
  end if;
  if limited = 'ip' then
    limit_value := max_messages * 5;
  end if;
  if limited in ('visitor', 'ip') then
    retry_after := greatest(1, ceil(extract(epoch from
      window_begins + pg_catalog.make_interval(secs => window_seconds) - now()))::integer);
  elsif limited = 'bot_daily' then
    limit_value := daily_cap;
    retry_after := greatest(1, ceil(extract(epoch from
      (today + 1)::timestamp at time zone 'utc' - now()))::integer);
  else
    limit_value := quota;
    retry_after := greatest(1, ceil(extract(epoch from
      (this_month + interval '1 month') at time zone 'utc' - now()))::integer);
  end if;
  return pg_catalog.jsonb_build_object(
    'outcome', 'rate_limited', 'limit', limited, 'limit_value', limit_value, 'retry_after', retry_after
  );
end;
$$;
