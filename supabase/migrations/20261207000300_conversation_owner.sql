-- A conversation belongs to the visitor who started it (issue 21, finding 10). Before, a visitor
-- who knew another's conversation_id could post into it, then read the owner's reply to the other
-- visitor in their own data download or chat history, and delete it by erasing their own data.
-- start_turn gives such an id a new conversation; visitor_conversation, visitor_data and
-- forget_visitor reach the owner's replies only through conversations the visitor started
-- (public.conversations.visitor_id, the inbox row's first visitor).

create or replace function private.start_turn(p_caller uuid, p_chatbot_id uuid, p_chatbot_slug text, p_visitor_id text, p_visitor_name text, p_conversation_id uuid, p_message text, p_client_ip text, p_client_network text, p_default_max_messages integer, p_default_window_seconds integer, p_owner_monthly_messages integer, p_history_turns integer, p_preview boolean) RETURNS jsonb
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

create or replace function private.visitor_conversation(p_chatbot_id uuid, p_visitor_secret text, p_max_turns integer DEFAULT 50) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  visitor public.visitors%rowtype;
  latest uuid;
  turns jsonb;
  replies jsonb;
  earliest timestamptz;
  show_sources boolean;
  details_left_at timestamptz;
begin
  if p_visitor_secret is null or pg_catalog.length(p_visitor_secret) < 32 then
    return null;
  end if;
  select v.* into visitor
  from public.visitors v
  join public.chatbots c on c.id = v.chatbot_id
  where v.chatbot_id = p_chatbot_id
    and v.visitor_id = private.web_visitor_id(p_visitor_secret, p_chatbot_id)
    -- The same visibility as chatbot_page: a private bot's history only for its owner's preview.
    and (c.is_public or c.user_id = (select auth.uid()));
  if not found then
    return null;
  end if;
  -- Sources go back to the visitor only when the bot's owner shows them (configuration show_sources).
  select coalesce(c.configuration ->> 'show_sources' = 'true', false) into show_sources
  from public.chatbots c where c.id = p_chatbot_id;
  -- Read through contacts_visitor_idx: the latest details this visitor left at this bot.
  select k.created_at into details_left_at
  from public.contacts k
  where k.chatbot_id = p_chatbot_id and k.visitor_id = visitor.id
  order by k.created_at desc
  limit 1;

  select m.conversation_id into latest
  from public.messages m
  where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id and m.status <> 'rate_limited'
  order by m.created_at desc
  limit 1;

  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', t.id, 'message', t.message, 'response', t.response, 'status', t.status, 'created_at', t.created_at,
           'feedback', t.feedback, 'feedback_comment', t.feedback_comment,
           'sources', case when show_sources then t.sources end,
           'contact_offered', t.contact_offered and (details_left_at is null or details_left_at < t.created_at)
         ) order by t.created_at), '[]'::jsonb), min(t.created_at)
  into turns, earliest
  from (
    select m.id, m.message, m.response, m.status, m.created_at, m.feedback, m.feedback_comment, m.sources,
           m.contact_offered
    from public.messages m
    where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id and m.conversation_id = latest
      and m.status <> 'rate_limited'
    order by m.created_at desc
    limit greatest(1, least(coalesce(p_max_turns, 50), 200))
  ) t;

  -- The owner's replies from the first turn shown on: older ones belong with turns cut off above.
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', r.id, 'body', r.body, 'created_at', r.created_at) order by r.created_at), '[]'::jsonb)
  into replies
  from public.owner_replies r
  where r.chatbot_id = p_chatbot_id and r.conversation_id = latest and r.created_at >= earliest
    and exists (select 1 from public.conversations cv
                 where cv.chatbot_id = p_chatbot_id and cv.conversation_id = latest and cv.visitor_id = visitor.id);

  return pg_catalog.jsonb_build_object('visitor_name', visitor.name, 'conversation_id', latest, 'turns', turns,
                                       'replies', replies);
end;
$$;

create or replace function private.visitor_data(p_chatbot_id uuid, p_visitor_secret text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  visitor public.visitors%rowtype;
begin
  if p_visitor_secret is null or pg_catalog.length(p_visitor_secret) < 32 then
    return null;
  end if;
  select v.* into visitor
  from public.visitors v
  where v.chatbot_id = p_chatbot_id and v.visitor_id = private.web_visitor_id(p_visitor_secret, p_chatbot_id);
  if not found then
    return null;
  end if;
  return pg_catalog.jsonb_build_object(
    'visitor', pg_catalog.jsonb_build_object('name', visitor.name, 'first_seen', visitor.first_seen,
                                             'last_seen', visitor.last_seen),
    'messages', (
      select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'id', m.id, 'conversation_id', m.conversation_id, 'created_at', m.created_at, 'message', m.message,
               'response', m.response, 'status', m.status, 'feedback', m.feedback,
               'feedback_comment', m.feedback_comment) order by m.created_at), '[]'::jsonb)
      from public.messages m
      where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id and not m.is_preview),
    'owner_replies', (
      select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
               'id', r.id, 'conversation_id', r.conversation_id, 'created_at', r.created_at, 'body', r.body)
               order by r.created_at), '[]'::jsonb)
      from public.owner_replies r
      -- Replies in the conversations this visitor started, not in any they wrote into.
      where r.chatbot_id = p_chatbot_id
        and r.conversation_id in (select cv.conversation_id from public.conversations cv
                                   where cv.chatbot_id = p_chatbot_id and cv.visitor_id = visitor.id
                                     and cv.conversation_id in (select m.conversation_id from public.messages m
                                                                 where m.chatbot_id = p_chatbot_id
                                                                   and m.visitor_id = visitor.id)))
  );
end;
$$;

create or replace function private.forget_visitor(p_chatbot_id uuid, p_visitor_secret text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  visitor public.visitors%rowtype;
  gone record;
  gone_count integer := 0;
  touched uuid[];
  started uuid[];
  turn_day date;
  unanswered_hashes text[] := '{}';
begin
  if p_visitor_secret is null or pg_catalog.length(p_visitor_secret) < 32 then
    return 0;
  end if;
  select v.* into visitor
  from public.visitors v
  where v.chatbot_id = p_chatbot_id and v.visitor_id = private.web_visitor_id(p_visitor_secret, p_chatbot_id)
  for update;
  if not found then
    return 0;
  end if;

  select coalesce(pg_catalog.array_agg(distinct m.conversation_id), '{}') into touched
  from public.messages m where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id;
  -- The owner's replies go with the conversations this visitor started, never with another's
  -- they wrote into.
  select coalesce(pg_catalog.array_agg(cv.conversation_id), '{}') into started
  from public.conversations cv
  where cv.chatbot_id = p_chatbot_id and cv.conversation_id = any(touched) and cv.visitor_id = visitor.id;

  -- Each counted turn's share of the rollups is taken back as it goes (the messages trigger only
  -- counts inserts and updates), so analytics and unread counts stay equal to a rebuild.
  for gone in
    delete from public.messages m where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id returning m.*
  loop
    gone_count := gone_count + 1;
    if gone.is_preview or gone.status = 'rate_limited' then
      continue;
    end if;
    turn_day := (gone.created_at at time zone 'UTC')::date;
    update public.chatbot_daily_stats d
      set messages = d.messages - 1,
          answered = d.answered - (gone.status = 'answered')::integer,
          failed = d.failed - (gone.status = 'failed')::integer,
          unanswered = d.unanswered - (gone.status = 'answered' and gone.outcome is not distinct from 'unanswered')::integer,
          unread = d.unread - (not gone.is_read)::integer,
          hours[extract(hour from gone.created_at at time zone 'UTC')::integer + 1]
            = d.hours[extract(hour from gone.created_at at time zone 'UTC')::integer + 1] - 1
    where d.chatbot_id = p_chatbot_id and d.day = turn_day;
    if gone.status = 'answered' and gone.latency_ms is not null then
      update public.chatbot_daily_stats d
        set latency_histogram[private.latency_bucket(gone.latency_ms)]
              = d.latency_histogram[private.latency_bucket(gone.latency_ms)] - 1
      where d.chatbot_id = p_chatbot_id and d.day = turn_day;
    end if;
    update public.chatbot_daily_questions q set asked = q.asked - 1
    where q.chatbot_id = p_chatbot_id and q.day = turn_day and q.question = private.normalize_question(gone.message);
    if gone.status = 'answered' and gone.outcome is not distinct from 'unanswered' then
      unanswered_hashes := unanswered_hashes || pg_catalog.md5(private.normalized_question(gone.message));
      update public.chatbot_unanswered_questions q set asked = q.asked - 1
      where q.chatbot_id = p_chatbot_id and q.question_hash = pg_catalog.md5(private.normalized_question(gone.message));
    end if;
    if gone.feedback is not null then
      update public.chatbot_daily_feedback f
        set thumbs_up = f.thumbs_up - (gone.feedback = 'up')::integer,
            thumbs_down = f.thumbs_down - (gone.feedback = 'down')::integer
      where f.chatbot_id = p_chatbot_id and f.day = turn_day;
    end if;
  end loop;
  -- Question text is the visitor's own words: a count that reaches zero takes its row with it.
  delete from public.chatbot_daily_questions q where q.chatbot_id = p_chatbot_id and q.asked <= 0;
  -- The same for the questions the bot could not answer; those others still ask keep the time
  -- someone last did.
  delete from public.chatbot_unanswered_questions q where q.chatbot_id = p_chatbot_id and q.asked <= 0;
  update public.chatbot_unanswered_questions q
    set last_asked_at = (
      select max(m.created_at) from public.messages m
      where m.chatbot_id = p_chatbot_id and not m.is_preview and m.status = 'answered' and m.outcome = 'unanswered'
        and pg_catalog.md5(private.normalized_question(m.message)) = q.question_hash)
  where q.chatbot_id = p_chatbot_id and q.question_hash = any(unanswered_hashes);

  with days as (
    delete from private.chatbot_day_visitors dv
    where dv.chatbot_id = p_chatbot_id and dv.visitor_id = visitor.id
    returning dv.day
  )
  update public.chatbot_daily_stats d set visitors = d.visitors - 1
  from days where d.chatbot_id = p_chatbot_id and d.day = days.day;

  delete from public.owner_replies r where r.chatbot_id = p_chatbot_id and r.conversation_id = any(started);

  -- The inbox rows hold the visitor's last message: rebuilt from what remains of each conversation
  -- (another client may have written into it), or gone when nothing does.
  delete from public.conversations cv where cv.chatbot_id = p_chatbot_id and cv.conversation_id = any(touched);
  insert into public.conversations (user_id, chatbot_id, conversation_id, visitor_id, started_at, last_message_at,
                                    last_message, message_count, unread_count, failed_count)
  select c.user_id, m.chatbot_id, m.conversation_id,
         (pg_catalog.array_agg(m.visitor_id order by m.created_at))[1],
         min(m.created_at), max(m.created_at),
         pg_catalog.left((pg_catalog.array_agg(m.message order by m.created_at desc))[1], 200),
         count(*), count(*) filter (where not m.is_read), count(*) filter (where m.status = 'failed')
  from public.messages m join public.chatbots c on c.id = m.chatbot_id
  where m.chatbot_id = p_chatbot_id and m.conversation_id = any(touched)
    and not m.is_preview and m.status <> 'rate_limited'
  group by c.user_id, m.chatbot_id, m.conversation_id;

  delete from public.visitors v where v.id = visitor.id;
  return gone_count;
end;
$$;
