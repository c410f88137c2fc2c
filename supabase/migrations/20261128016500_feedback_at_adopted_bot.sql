-- Issue 14: a browser that opened a reply email's link is that visitor at that bot only
-- (lib/visitors/reply-link.ts). To rate the answers there, the chat names the bot with its thumbs,
-- and the function holds the message to it, so a secret adopted for one bot never rates the
-- original browser's answers at another. Called with four arguments (servers of the previous
-- version during a rolling deploy), it works as before.

drop function private.visitor_feedback(uuid, text, text, text);

create function private.visitor_feedback(
  p_message_id uuid,
  p_visitor_secret text,
  p_rating text,
  p_comment text,
  p_chatbot_id uuid default null
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
  -- the message, the visitor derived from the secret, so no id the caller names is trusted. A
  -- secret adopted from a reply link is good at its own bot only: with p_chatbot_id, the message
  -- must be that bot's.
  select m.* into turn
  from public.messages m
  join public.visitors v on v.id = m.visitor_id and v.chatbot_id = m.chatbot_id
  where m.id = p_message_id and m.status = 'answered' and not m.is_preview
    and (p_chatbot_id is null or m.chatbot_id = p_chatbot_id)
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

comment on function private.visitor_feedback(uuid, text, text, text, uuid) is
  'A visitor''s thumbs up or down (null takes it back) on one of their answered turns, with a comment on a thumbs down; false when the message is not an answer to the holder of this visitor cookie''s secret, or (p_chatbot_id given) not one of that bot''s. Keeps chatbot_daily_feedback.';
revoke all on function private.visitor_feedback(uuid, text, text, text, uuid) from public;
grant execute on function private.visitor_feedback(uuid, text, text, text, uuid) to anon, authenticated, service_role;
