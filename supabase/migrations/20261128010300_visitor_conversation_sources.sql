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
  show_sources boolean;
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
           'sources', case when show_sources then t.sources end
         ) order by t.created_at), '[]'::jsonb)
  into turns
  from (
    select m.id, m.message, m.response, m.status, m.created_at, m.sources
    from public.messages m
    where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id and m.conversation_id = latest
      and m.status <> 'rate_limited'
    order by m.created_at desc
    limit greatest(1, least(coalesce(p_max_turns, 50), 200))
  ) t;

  return pg_catalog.jsonb_build_object('visitor_name', visitor.name, 'conversation_id', latest, 'turns', turns);
end;
$$;
