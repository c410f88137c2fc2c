-- Sources reach a returning visitor, and a visitor who erases themselves takes their share of this
-- branch's counts with them.
--
-- A visitor's past conversation brings each answer's sources back when the bot shows them, so the
-- chips under its answers survive a reload of the public page as the live stream drew them.
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
  show_sources boolean;
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

  select m.conversation_id into latest
  from public.messages m
  where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id and m.status <> 'rate_limited'
  order by m.created_at desc
  limit 1;

  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', t.id, 'message', t.message, 'response', t.response, 'status', t.status, 'created_at', t.created_at,
           'feedback', t.feedback, 'feedback_comment', t.feedback_comment,
           'sources', case when show_sources then t.sources end
         ) order by t.created_at), '[]'::jsonb), min(t.created_at)
  into turns, earliest
  from (
    select m.id, m.message, m.response, m.status, m.created_at, m.feedback, m.feedback_comment, m.sources
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

-- forget_visitor as before, also taking the erased turns out of chatbot_daily_stats.unanswered and
-- chatbot_unanswered_questions (whose question text, the visitor's own words, goes with its last
-- asking), so both stay equal to a rebuild.
create or replace function private.forget_visitor(p_chatbot_id uuid, p_visitor_secret text)
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
