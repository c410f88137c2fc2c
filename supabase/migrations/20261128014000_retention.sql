-- Issue 14: per bot, how long conversations are kept (configuration.retention_days: 30, 90 or 365;
-- absent or null: forever). A sweep the job queue runs deletes what has aged out: the turns and
-- their answers, the owner's replies in them, the inbox row, visitors left with nothing, and the
-- per-day question texts of the days gone. Counts without text (messages per day, thumbs) stay,
-- so analytics keep their history.

-- The bots with a retention, found without scanning every bot.
create index chatbots_retention_idx on public.chatbots (((configuration ->> 'retention_days')::integer))
  where configuration ->> 'retention_days' is not null;

create function private.expire_conversations(p_limit integer)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  bot record;
  expired integer := 0;
  gone uuid[];
  visitors_seen uuid[];
  left_over integer := greatest(0, least(coalesce(p_limit, 0), 10000));
begin
  for bot in
    select c.id, (c.configuration ->> 'retention_days')::integer as days
      from public.chatbots c
     where c.configuration ->> 'retention_days' is not null
       and (c.configuration ->> 'retention_days')::integer in (30, 90, 365)
  loop
    exit when left_over = 0;
    -- Oldest first through the inbox's index, at most what is left of this run's budget.
    select pg_catalog.array_agg(cv.id) into gone
      from (select cv.id from public.conversations cv
             where cv.chatbot_id = bot.id
               and cv.last_message_at < now() - pg_catalog.make_interval(days => bot.days)
             order by cv.last_message_at
             limit left_over
               for update skip locked) cv;
    if gone is not null then
      delete from public.owner_replies r
       using public.conversations cv
       where cv.id = any (gone) and r.chatbot_id = cv.chatbot_id and r.conversation_id = cv.conversation_id;
      with removed as (
        delete from public.messages m
         using public.conversations cv
         where cv.id = any (gone) and m.chatbot_id = cv.chatbot_id and m.conversation_id = cv.conversation_id
        returning m.visitor_id
      )
      select pg_catalog.array_agg(distinct visitor_id) into visitors_seen from removed where visitor_id is not null;
      -- A statement of its own: it must see the turns above gone.
      delete from public.visitors v
       where v.id = any (visitors_seen)
         and not exists (select 1 from public.messages m where m.visitor_id = v.id);
      delete from public.conversations cv where cv.id = any (gone);
      expired := expired + pg_catalog.cardinality(gone);
      left_over := left_over - pg_catalog.cardinality(gone);
    end if;
    -- The visitors' words kept in the per-day and per-question rollups age out with them.
    delete from public.chatbot_daily_questions q
     where q.chatbot_id = bot.id and q.day < (now() - pg_catalog.make_interval(days => bot.days))::date;
    delete from public.chatbot_unanswered_questions u
     where u.chatbot_id = bot.id and u.last_asked_at < now() - pg_catalog.make_interval(days => bot.days);
  end loop;
  return expired;
end;
$$;
comment on function private.expire_conversations(integer) is
  'The server''s own: deletes up to p_limit conversations that aged out of their bot''s retention_days, with their turns, replies and visitors left with nothing, and the per-day question texts of those days; answers how many conversations went.';
revoke execute on function private.expire_conversations(integer) from public, anon, authenticated;
grant execute on function private.expire_conversations(integer) to service_role;
