-- Blocked words were bypassed with invisible or look-alike characters (issue 21, finding 7):
-- "ca<zero-width joiner>sino", a soft hyphen or word joiner inside the word, Cyrillic "саsino",
-- fullwidth "ｃａｓｉｎｏ", or "cafe" + a combining accent for "café" all passed, because the word
-- match split the message as written. The server now folds the message for matching
-- (lib/chat/blocked-word-folding.ts: NFKC, format characters removed, look-alikes of ASCII letters
-- from Unicode's confusables table) and passes it as p_match_text; the message is still stored
-- as the visitor wrote it. A message is refused when a blocked word is a whole word of the message
-- as written (as before) or of the folded text, the blocked words read through the same NFKC and
-- lower() here, so configurations saved before this need no change.

-- start_turn gains p_match_text; the fourteen-argument version goes.
drop function private.start_turn(uuid, uuid, text, text, text, uuid, text, text, text, integer, integer, integer, integer, boolean);

create function private.start_turn(p_caller uuid, p_chatbot_id uuid, p_chatbot_slug text, p_visitor_id text, p_visitor_name text, p_conversation_id uuid, p_message text, p_client_ip text, p_client_network text, p_default_max_messages integer, p_default_window_seconds integer, p_owner_monthly_messages integer, p_history_turns integer, p_preview boolean, p_match_text text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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

  -- A conversation belongs to the visitor who started it (its inbox row says who): an id that is
  -- another's starts a new conversation instead, so knowing it lets nobody post into it, nor
  -- read the owner's replies there. The answer carries the new id.
  if p_conversation_id is not null and exists (
    select 1 from public.conversations cv
     where cv.chatbot_id = bot.id and cv.conversation_id = p_conversation_id
       and cv.visitor_id is distinct from visitor_row_id
  ) then
    conversation := gen_random_uuid();
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
  -- A blocked word is a whole word of the message as written, or of the text the server folded it
  -- to (invisible characters gone, look-alikes and compatibility forms folded), so disguising a
  -- word doesn't pass it; as written too, for a word that folding would change (Cyrillic "сука"
  -- folds to Latin letters) and where an invisible character was the only gap between two words.
  -- The blocked words go through the same NFKC and lower(), as the server can't fold words it
  -- hasn't read, and configurations saved before the fold keep working unchanged.
  elsif not p_preview and pg_catalog.jsonb_typeof(bot.configuration -> 'blocked_words') = 'array'
    and (pg_catalog.regexp_split_to_array(pg_catalog.lower(p_message), '[^[:alnum:]]+')
         || pg_catalog.regexp_split_to_array(pg_catalog.lower(coalesce(p_match_text, '')), '[^[:alnum:]]+'))
        && array(select pg_catalog.lower(pg_catalog.normalize(w, 'NFKC'))
                   from pg_catalog.jsonb_array_elements_text(bot.configuration -> 'blocked_words') w) then
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
comment on function private.start_turn(uuid, uuid, text, text, text, uuid, text, text, text, integer, integer, integer, integer, boolean, text) is
  'The server''s own (service_role): starts a turn in one statement. Checks the per-visitor and per-network windows, the bot''s daily cap and the owner''s monthly quota with counters (read first without locks, incremented last), records the visitor and their pending message, and returns the bot, the owner''s profile and the conversation''s recent turns; a refused turn only counts the refusal. p_caller is the signed-in caller the server verified (private bots, previews); p_match_text is the message as the server folded it for the blocked-word check (never stored).';
revoke execute on function private.start_turn(uuid, uuid, text, text, text, uuid, text, text, text, integer, integer, integer, integer, boolean, text) from public, anon, authenticated;
grant execute on function private.start_turn(uuid, uuid, text, text, text, uuid, text, text, text, integer, integer, integer, integer, boolean, text) to service_role;
