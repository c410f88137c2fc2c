-- Visitors who come back (issue 14, first part): a visitor's thumbs on an answer, the owner's
-- replies to a conversation, and a visitor's own copy and erasure of what a bot stored about them.
-- Visitors stay anon with no table privileges: each thing they may do is one security-definer
-- function that finds the visitor from the cookie's secret, never from an id the caller names.

-- Feedback lives on the answer it rates: one per message, changed by writing it again, and gone
-- with the message.
alter table public.messages
  add column feedback text check (feedback in ('up', 'down')),
  add column feedback_comment text,
  add column feedback_at timestamptz,
  -- A comment explains a thumbs down; it never stands alone.
  add constraint messages_feedback_comment_check check (
    feedback_comment is null or (feedback = 'down' and char_length(feedback_comment) between 1 and 500)
  );
comment on column public.messages.feedback is 'The visitor''s rating of the answer: up, down, or null (none given, or taken back).';
comment on column public.messages.feedback_comment is 'The visitor''s one-line reason for a thumbs down (at most 500 characters).';
comment on column public.messages.feedback_at is 'When the feedback was last given or changed.';
-- Owners keep their column grant (update is_read only), so they can read feedback but never write it.

-- Thumbs per chatbot and day, for analytics. A table of its own rather than columns of
-- chatbot_daily_stats: rebuild_message_rollups recomputes that table from the messages' counted
-- columns and would zero these; feedback is only ever written by the function below.
create table public.chatbot_daily_feedback (
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  day date not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  thumbs_up integer not null default 0 check (thumbs_up >= 0),
  thumbs_down integer not null default 0 check (thumbs_down >= 0),
  primary key (chatbot_id, day)
);
comment on table public.chatbot_daily_feedback is
  'Thumbs up and down per chatbot, counted on the UTC day of the answer they rate; kept by private.visitor_feedback and private.forget_visitor.';
comment on column public.chatbot_daily_feedback.user_id is 'The chatbot''s owner, copied for RLS.';
comment on column public.chatbot_daily_feedback.thumbs_up is 'Answers of that day currently rated up.';
comment on column public.chatbot_daily_feedback.thumbs_down is 'Answers of that day currently rated down.';

alter table public.chatbot_daily_feedback enable row level security;
create policy "Owners read their chatbots' feedback" on public.chatbot_daily_feedback
  for select to authenticated using (user_id = (select auth.uid()));
revoke all on public.chatbot_daily_feedback from anon, authenticated;
grant select on public.chatbot_daily_feedback to authenticated;
grant select, insert, update, delete on public.chatbot_daily_feedback to service_role;

-- The owner's replies: a table of their own, since owners may not insert into messages (each
-- message is a visitor's turn, and counts toward limits and the quota).
create table public.owner_replies (
  id uuid primary key default gen_random_uuid(),
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  conversation_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 4000),
  created_at timestamptz not null default now()
);
comment on table public.owner_replies is
  'What an owner wrote back in a conversation of their bot; the visitor sees it, marked as from the owner, when they next open the chat. Written only through private.add_owner_reply; never counted toward limits or the quota.';
comment on column public.owner_replies.conversation_id is 'messages.conversation_id of the conversation replied to.';
comment on column public.owner_replies.user_id is 'The chatbot''s owner who wrote it, copied for RLS.';
create index owner_replies_conversation_idx on public.owner_replies (chatbot_id, conversation_id, created_at);

alter table public.owner_replies enable row level security;
create policy "Owners read their replies" on public.owner_replies
  for select to authenticated using (user_id = (select auth.uid()));
revoke all on public.owner_replies from anon, authenticated;
grant select on public.owner_replies to authenticated;
grant select, insert, update, delete on public.owner_replies to service_role;

-- The web visitor id of a cookie's secret at a bot: the same derivation as lib/visitors/identity.ts.
create function private.web_visitor_id(p_visitor_secret text, p_chatbot_id uuid)
returns text
language sql
immutable
set search_path = ''
as $$
  select 'web-' || pg_catalog.left(pg_catalog.encode(pg_catalog.sha256(
    pg_catalog.convert_to(p_visitor_secret || ':' || p_chatbot_id::text, 'UTF8')), 'hex'), 32);
$$;
comment on function private.web_visitor_id(text, uuid) is
  'web- and 32 hex of SHA-256(secret:bot id): the visitor id the public page derives from its cookie (lib/visitors/identity.ts).';
revoke all on function private.web_visitor_id(text, uuid) from public, anon, authenticated;

-- A visitor rates one of their answers.
create function private.visitor_feedback(
  p_message_id uuid,
  p_visitor_secret text,
  p_rating text,
  p_comment text
)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  turn public.messages%rowtype;
  owner_id uuid;
  turn_day date;
  comment_text text := case when p_rating = 'down' then nullif(pg_catalog.btrim(p_comment), '') end;
begin
  if p_visitor_secret is null or pg_catalog.length(p_visitor_secret) < 32
     or (p_rating is not null and p_rating not in ('up', 'down')) then
    return false;
  end if;
  -- The message must be an answer to this browser at the message's own bot: the bot is read from
  -- the message, the visitor derived from the secret, so no id the caller names is trusted.
  select m.* into turn
  from public.messages m
  join public.visitors v on v.id = m.visitor_id and v.chatbot_id = m.chatbot_id
  where m.id = p_message_id and m.status = 'answered' and not m.is_preview
    and v.visitor_id = private.web_visitor_id(p_visitor_secret, m.chatbot_id)
  for update of m;
  if not found then
    return false;
  end if;

  update public.messages
    set feedback = p_rating, feedback_comment = comment_text,
        feedback_at = case when p_rating is null then null else now() end
  where id = turn.id;

  if turn.feedback is distinct from p_rating then
    select c.user_id into owner_id from public.chatbots c where c.id = turn.chatbot_id;
    turn_day := (turn.created_at at time zone 'UTC')::date;
    insert into public.chatbot_daily_feedback as f (chatbot_id, day, user_id, thumbs_up, thumbs_down)
    values (turn.chatbot_id, turn_day, owner_id, (p_rating is not distinct from 'up')::integer,
            (p_rating is not distinct from 'down')::integer)
    on conflict (chatbot_id, day) do update
      set thumbs_up = f.thumbs_up + (p_rating is not distinct from 'up')::integer
                      - (turn.feedback is not distinct from 'up')::integer,
          thumbs_down = f.thumbs_down + (p_rating is not distinct from 'down')::integer
                        - (turn.feedback is not distinct from 'down')::integer;
  end if;
  return true;
end;
$$;
comment on function private.visitor_feedback(uuid, text, text, text) is
  'A visitor''s thumbs up or down (null takes it back) on one of their answered turns, with a comment on a thumbs down; false when the message is not an answer to the holder of this visitor cookie''s secret. Keeps chatbot_daily_feedback.';
revoke all on function private.visitor_feedback(uuid, text, text, text) from public;
grant execute on function private.visitor_feedback(uuid, text, text, text) to anon, authenticated, service_role;

-- The owner replies in one of their conversations.
create function private.add_owner_reply(p_conversation uuid, p_body text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.conversations%rowtype;
  reply public.owner_replies%rowtype;
begin
  -- The inbox row, and through it the bot, must be the caller's: auth.uid() decides, not an id passed in.
  select cv.* into target
  from public.conversations cv
  join public.chatbots c on c.id = cv.chatbot_id
  where cv.id = p_conversation and c.user_id = (select auth.uid());
  if not found then
    return null;
  end if;
  insert into public.owner_replies (chatbot_id, conversation_id, user_id, body)
  values (target.chatbot_id, target.conversation_id, (select auth.uid()), p_body)
  returning * into reply;
  return pg_catalog.jsonb_build_object('id', reply.id, 'body', reply.body, 'created_at', reply.created_at);
end;
$$;
comment on function private.add_owner_reply(uuid, text) is
  'The calling owner''s reply in one of their conversations (p_conversation: conversations.id); null when the conversation is not theirs.';
revoke all on function private.add_owner_reply(uuid, text) from public, anon;
grant execute on function private.add_owner_reply(uuid, text) to authenticated;

-- The visitor's latest conversation, now with each answer's feedback and the owner's replies.
create or replace function private.visitor_conversation(p_chatbot_id uuid, p_visitor_secret text, p_max_turns integer default 50)
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
  replies jsonb;
  earliest timestamptz;
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

  select m.conversation_id into latest
  from public.messages m
  where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id and m.status <> 'rate_limited'
  order by m.created_at desc
  limit 1;

  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', t.id, 'message', t.message, 'response', t.response, 'status', t.status, 'created_at', t.created_at,
           'feedback', t.feedback, 'feedback_comment', t.feedback_comment
         ) order by t.created_at), '[]'::jsonb), min(t.created_at)
  into turns, earliest
  from (
    select m.id, m.message, m.response, m.status, m.created_at, m.feedback, m.feedback_comment
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
  where r.chatbot_id = p_chatbot_id and r.conversation_id = latest and r.created_at >= earliest;

  return pg_catalog.jsonb_build_object('visitor_name', visitor.name, 'conversation_id', latest, 'turns', turns,
                                       'replies', replies);
end;
$$;
comment on function private.visitor_conversation(uuid, text, integer) is
  'The name a visitor gave a chatbot and their latest conversation with it (at most p_max_turns turns, oldest first, with their feedback, and the owner''s replies since the first of them), for the holder of the visitor cookie''s secret; null for an unknown visitor or a bot the caller may not see.';

-- Everything a bot stored about one visitor, for them to download.
create function private.visitor_data(p_chatbot_id uuid, p_visitor_secret text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
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
      where r.chatbot_id = p_chatbot_id
        and r.conversation_id in (select m.conversation_id from public.messages m
                                  where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id))
  );
end;
$$;
comment on function private.visitor_data(uuid, text) is
  'What a chatbot holds about the holder of this visitor cookie''s secret: their visitor row, every message (with answers and feedback) and the owner''s replies in their conversations; null when it holds nothing.';
revoke all on function private.visitor_data(uuid, text) from public;
grant execute on function private.visitor_data(uuid, text) to anon, authenticated, service_role;

-- A visitor erases themselves from a bot, at once and for good.
create function private.forget_visitor(p_chatbot_id uuid, p_visitor_secret text)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  visitor public.visitors%rowtype;
  gone record;
  gone_count integer := 0;
  touched uuid[];
  turn_day date;
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
    if gone.feedback is not null then
      update public.chatbot_daily_feedback f
        set thumbs_up = f.thumbs_up - (gone.feedback = 'up')::integer,
            thumbs_down = f.thumbs_down - (gone.feedback = 'down')::integer
      where f.chatbot_id = p_chatbot_id and f.day = turn_day;
    end if;
  end loop;
  -- Question text is the visitor's own words: a count that reaches zero takes its row with it.
  delete from public.chatbot_daily_questions q where q.chatbot_id = p_chatbot_id and q.asked <= 0;

  with days as (
    delete from private.chatbot_day_visitors dv
    where dv.chatbot_id = p_chatbot_id and dv.visitor_id = visitor.id
    returning dv.day
  )
  update public.chatbot_daily_stats d set visitors = d.visitors - 1
  from days where d.chatbot_id = p_chatbot_id and d.day = days.day;

  delete from public.owner_replies r where r.chatbot_id = p_chatbot_id and r.conversation_id = any(touched);

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
comment on function private.forget_visitor(uuid, text) is
  'Hard-deletes everything a chatbot stored about the holder of this visitor cookie''s secret: their messages and answers (with feedback), the owner''s replies in their conversations, their visitor row, and their share of the inbox and analytics rollups. Answers how many messages went. Rate-limit windows stay until they expire, so erasing is no way around a limit.';
revoke all on function private.forget_visitor(uuid, text) from public;
grant execute on function private.forget_visitor(uuid, text) to anon, authenticated, service_role;
