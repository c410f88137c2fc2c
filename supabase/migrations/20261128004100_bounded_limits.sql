-- Chat limits whose cost does not grow with traffic (issue 11) and that no caller can choose
-- (issue 12, fixes 3 and 4).
--
-- Before: start_turn counted every message of the owner's month for the quota under a per-owner
-- advisory lock, so a turn cost O(monthly volume) and all of an owner's turns queued behind each
-- other; a refused turn wrote a visitor row and a full message row; and anon could call it with
-- limits of its own choosing. Now:
--  * each limit is a counter row updated atomically (`insert ... on conflict do update ... where
--    count < limit returning`): exact under concurrency on any number of app instances, since the
--    row lock is what serialises two turns, and held only from the update to the commit;
--  * a refused turn writes one counter increment (chatbot_daily_usage.refused) and nothing else;
--  * start_turn is the server's own: only service_role executes it, and the server passes the
--    caller's id (for private bots and previews) with the deployment's limits.

-- ---------------------------------------------------------------------------------------------
-- Counters
-- ---------------------------------------------------------------------------------------------

create table private.chat_windows (
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  subject text not null,
  window_start timestamptz not null,
  turns integer not null check (turns >= 0),
  primary key (chatbot_id, subject, window_start)
);
comment on table private.chat_windows is
  'Turns per (chatbot, visitor) and (chatbot, client network) in fixed windows of the bot''s rate_limit.window_seconds: the per-visitor and per-IP limits, O(1) per turn.';
comment on column private.chat_windows.subject is
  'visitor:<visitor id> or ip:<address> (an IPv6 client''s /64, as the server computes it).';
comment on column private.chat_windows.window_start is 'Start of the fixed window the turns are counted in.';
comment on column private.chat_windows.turns is 'Turns started in the window (refused ones are not counted).';
create index chat_windows_window_start_idx on private.chat_windows (window_start);
alter table private.chat_windows enable row level security;
revoke all on private.chat_windows from public, anon, authenticated;
grant select, insert, update, delete on private.chat_windows to service_role;

create table public.owner_monthly_usage (
  user_id uuid not null references auth.users (id) on delete cascade,
  month date not null check (month = pg_catalog.date_trunc('month', month)::date),
  turns integer not null default 0 check (turns >= 0),
  primary key (user_id, month)
);
comment on table public.owner_monthly_usage is
  'Turns an owner''s bots started per calendar month (UTC): the monthly quota, read in O(1); the dashboard''s quota banner reads it too.';
comment on column public.owner_monthly_usage.month is 'First day of the month (UTC).';
comment on column public.owner_monthly_usage.turns is 'Turns started this month across all the owner''s bots, previews included; refused turns are not counted.';
alter table public.owner_monthly_usage enable row level security;
create policy "Owners read their own monthly usage" on public.owner_monthly_usage
  for select to authenticated using (user_id = (select auth.uid()));
revoke all on public.owner_monthly_usage from public, anon, authenticated;
grant select on public.owner_monthly_usage to authenticated;
grant select, insert, update, delete on public.owner_monthly_usage to service_role;

create table public.chatbot_daily_usage (
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  day date not null,
  turns integer not null default 0 check (turns >= 0),
  refused integer not null default 0 check (refused >= 0),
  primary key (chatbot_id, day)
);
comment on table public.chatbot_daily_usage is
  'Per chatbot and UTC day: turns started (the bot''s daily cap) and turns refused by any limit (the dashboard''s refused-per-day).';
comment on column public.chatbot_daily_usage.day is 'The UTC day.';
comment on column public.chatbot_daily_usage.turns is 'Turns started that day, previews included.';
comment on column public.chatbot_daily_usage.refused is
  'Turns refused that day (visitor, IP, daily cap or monthly quota): the only write a refused turn makes.';
alter table public.chatbot_daily_usage enable row level security;
create policy "Owners read their bots' daily usage" on public.chatbot_daily_usage
  for select to authenticated
  using (chatbot_id in (select c.id from public.chatbots c where c.user_id = (select auth.uid())));
revoke all on public.chatbot_daily_usage from public, anon, authenticated;
grant select on public.chatbot_daily_usage to authenticated;
grant select, insert, update, delete on public.chatbot_daily_usage to service_role;

-- What the messages already say: this month's quota, and each bot's days (refused turns were
-- message rows until now).
insert into public.owner_monthly_usage (user_id, month, turns)
select c.user_id, pg_catalog.date_trunc('month', now() at time zone 'utc')::date, count(*)::integer
from public.messages m join public.chatbots c on c.id = m.chatbot_id
where m.created_at >= pg_catalog.date_trunc('month', now() at time zone 'utc') at time zone 'utc'
  and m.status <> 'rate_limited'
group by c.user_id;

insert into public.chatbot_daily_usage (chatbot_id, day, turns, refused)
select m.chatbot_id, (m.created_at at time zone 'utc')::date,
       (count(*) filter (where m.status <> 'rate_limited'))::integer,
       (count(*) filter (where m.status = 'rate_limited'))::integer
from public.messages m
group by 1, 2;

-- ---------------------------------------------------------------------------------------------
-- private.start_turn
-- ---------------------------------------------------------------------------------------------

-- Windows end within a day (window_seconds <= 86400): older rows are swept in small batches so
-- the table holds only live windows whatever the traffic.
create function private.sweep_chat_windows() returns integer
language sql
security definer
set search_path = ''
as $$
  with gone as (
    delete from private.chat_windows w
    where w.ctid = any (array(
      select x.ctid from private.chat_windows x
      where x.window_start < now() - interval '2 days'
      limit 1000
    ))
    returning 1
  )
  select count(*)::integer from gone;
$$;
comment on function private.sweep_chat_windows() is
  'Deletes up to 1,000 chat windows that ended more than a day ago; start_turn calls it now and then.';
revoke execute on function private.sweep_chat_windows() from public, anon, authenticated;
grant execute on function private.sweep_chat_windows() to service_role;

drop function private.start_turn(uuid, text, text, text, uuid, text, text, integer, integer, integer, integer, boolean);

create function private.start_turn(
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
  counted_visitor boolean := false;
  counted_ip boolean := false;
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

  -- Spent budgets refuse at once, writing nothing but the refusal: a quota-exhausted bot under a
  -- flood of new visitor ids costs one read and one counter increment per turn.
  if coalesce((select u.turns from public.owner_monthly_usage u
               where u.user_id = bot.user_id and u.month = this_month), 0) >= quota then
    limited := 'owner_quota';
  elsif daily_cap is not null and coalesce((select d.turns from public.chatbot_daily_usage d
               where d.chatbot_id = bot.id and d.day = today), 0) >= daily_cap then
    limited := 'bot_daily';
  end if;

  -- Per (chatbot, visitor). Refused turns don't count, or a client that keeps retrying would
  -- never get back in.
  if limited is null and not p_preview then
    insert into private.chat_windows as w (chatbot_id, subject, window_start, turns)
    values (bot.id, 'visitor:' || p_visitor_id, window_begins, 1)
    on conflict (chatbot_id, subject, window_start) do update set turns = w.turns + 1
      where w.turns < max_messages
    returning w.turns into used;
    if used is null then
      limited := 'visitor';
    else
      counted_visitor := true;
      remaining := max_messages - used;
      -- A visitor's first turn in a window now and then sweeps windows long over.
      if used = 1 and pg_catalog.random() < 0.01 then
        perform private.sweep_chat_windows();
      end if;
    end if;
  end if;

  -- Per (chatbot, client network): five times as many, so an office behind one address isn't
  -- locked out. An IPv6 client is keyed on its /64 (the server passes it), which one host holds.
  if limited is null and not p_preview and p_client_network is not null then
    insert into private.chat_windows as w (chatbot_id, subject, window_start, turns)
    values (bot.id, 'ip:' || p_client_network, window_begins, 1)
    on conflict (chatbot_id, subject, window_start) do update set turns = w.turns + 1
      where w.turns < max_messages * 5
    returning w.turns into used;
    if used is null then
      limited := 'ip';
      limit_value := max_messages * 5;
    else
      counted_ip := true;
    end if;
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

    -- The writes, then the two counters every turn of the bot (and of its owner) shares, last, so
    -- their row locks are held only from here to the commit. If either is spent after all (a
    -- concurrent turn took the last one), the block's writes are undone.
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

  -- Refused: give back what this turn took from the windows, and count the refusal.
  if counted_visitor then
    update private.chat_windows w set turns = w.turns - 1
    where w.chatbot_id = bot.id and w.subject = 'visitor:' || p_visitor_id and w.window_start = window_begins;
  end if;
  if counted_ip then
    update private.chat_windows w set turns = w.turns - 1
    where w.chatbot_id = bot.id and w.subject = 'ip:' || p_client_network and w.window_start = window_begins;
  end if;
  insert into public.chatbot_daily_usage as d (chatbot_id, day, refused)
  values (bot.id, today, 1)
  on conflict (chatbot_id, day) do update set refused = d.refused + 1;

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
comment on function private.start_turn(uuid, uuid, text, text, text, uuid, text, text, text, integer, integer, integer, integer, boolean) is
  'The server''s own (service_role): starts a turn in one statement. Checks the per-visitor and per-network windows, the bot''s daily cap and the owner''s monthly quota with counters, records the visitor and their pending message, and returns the bot, the owner''s profile and the conversation''s recent turns; a refused turn only counts the refusal. p_caller is the signed-in caller the server verified (private bots, previews).';
revoke execute on function private.start_turn(uuid, uuid, text, text, text, uuid, text, text, text, integer, integer, integer, integer, boolean) from public, anon, authenticated;
grant execute on function private.start_turn(uuid, uuid, text, text, text, uuid, text, text, text, integer, integer, integer, integer, boolean) to service_role;

-- ---------------------------------------------------------------------------------------------
-- private.visitor_conversation
-- ---------------------------------------------------------------------------------------------

-- Before, anyone who named a visitor id got that visitor's history. Now the caller names the
-- secret of the visitor cookie, and the id is derived from it here exactly as
-- lib/visitors/identity.ts does (web- + 32 hex of SHA-256(secret:bot id)): knowing an id, which
-- the owner's inbox shows, is not enough.
drop function private.visitor_conversation(uuid, text, integer);

create function private.visitor_conversation(p_chatbot_id uuid, p_visitor_secret text, p_max_turns integer default 50)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  visitor public.visitors%rowtype;
  latest uuid;
  turns jsonb;
begin
  if p_visitor_secret is null or pg_catalog.length(p_visitor_secret) < 32 then
    return null;
  end if;
  select v.* into visitor
  from public.visitors v
  join public.chatbots c on c.id = v.chatbot_id
  where v.chatbot_id = p_chatbot_id
    and v.visitor_id = 'web-' || pg_catalog.left(pg_catalog.encode(pg_catalog.sha256(
          pg_catalog.convert_to(p_visitor_secret || ':' || p_chatbot_id::text, 'UTF8')), 'hex'), 32)
    -- The same visibility as chatbot_page: a private bot's history only for its owner's preview.
    and (c.is_public or c.user_id = (select auth.uid()));
  if not found then
    return null;
  end if;

  select m.conversation_id into latest
  from public.messages m
  where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id and m.status <> 'rate_limited'
  order by m.created_at desc
  limit 1;

  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', t.id, 'message', t.message, 'response', t.response, 'status', t.status, 'created_at', t.created_at
         ) order by t.created_at), '[]'::jsonb)
  into turns
  from (
    select m.id, m.message, m.response, m.status, m.created_at
    from public.messages m
    where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id and m.conversation_id = latest
      and m.status <> 'rate_limited'
    order by m.created_at desc
    limit greatest(1, least(coalesce(p_max_turns, 50), 200))
  ) t;

  return pg_catalog.jsonb_build_object('visitor_name', visitor.name, 'conversation_id', latest, 'turns', turns);
end;
$$;
comment on function private.visitor_conversation(uuid, text, integer) is
  'The name a visitor gave a chatbot and their latest conversation with it (at most p_max_turns turns, oldest first), for the holder of the visitor cookie''s secret; null for an unknown visitor or a bot the caller may not see.';
revoke execute on function private.visitor_conversation(uuid, text, integer) from public;
grant execute on function private.visitor_conversation(uuid, text, integer) to anon, authenticated, service_role;
