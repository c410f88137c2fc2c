-- The public chat page's one read of a visitor's past: the name they gave and their latest
-- conversation with a bot, so a reload shows it again. The page derives p_visitor_id from a
-- secret httpOnly cookie, never from anything a client sends, so knowing someone's visitor id
-- (integrations choose their own) is not enough to reach this.

create function private.visitor_conversation(p_chatbot_id uuid, p_visitor_id text, p_max_turns integer default 50)
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
  select v.* into visitor
  from public.visitors v
  join public.chatbots c on c.id = v.chatbot_id
  where v.chatbot_id = p_chatbot_id
    and v.visitor_id = p_visitor_id
    -- The same visibility as chatbot_page: a private bot's history only for its owner's preview.
    and (c.is_public or c.user_id = (select auth.uid()));
  if not found then
    return null;
  end if;

  -- Refused turns never reached the model, so they neither make a conversation current nor show.
  select m.conversation_id into latest
  from public.messages m
  where m.visitor_id = visitor.id and m.status <> 'rate_limited'
  order by m.created_at desc
  limit 1;

  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', t.id, 'message', t.message, 'response', t.response, 'status', t.status, 'created_at', t.created_at
         ) order by t.created_at), '[]'::jsonb)
  into turns
  from (
    select m.id, m.message, m.response, m.status, m.created_at
    from public.messages m
    where m.visitor_id = visitor.id and m.conversation_id = latest and m.status <> 'rate_limited'
    order by m.created_at desc
    limit greatest(1, least(p_max_turns, 200))
  ) t;

  return pg_catalog.jsonb_build_object('visitor_name', visitor.name, 'conversation_id', latest, 'turns', turns);
end;
$$;
comment on function private.visitor_conversation(uuid, text, integer) is
  'The name a visitor gave a chatbot and their latest conversation with it (at most p_max_turns turns, oldest first); null for an unknown visitor or a bot the caller may not see.';
revoke execute on function private.visitor_conversation(uuid, text, integer) from public;
grant execute on function private.visitor_conversation(uuid, text, integer) to anon, authenticated, service_role;
