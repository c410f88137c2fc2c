-- Searching the inbox for a common word: private.search_conversations gathers every matching
-- conversation before the inbox orders them, which for a word in one message of five at 1M
-- messages took 1.8 s. The inbox now first asks how common the query is (counting matches only up
-- to a cap, through the GIN index); a common one is answered by walking the newest conversations
-- and checking each (the first page is found after a few dozen), a rare one as before. The check
-- is a function, not an EXISTS the planner could turn into a join over every message (which under
-- RLS meant a sequential scan: 3.3 s at 1M messages).

create function private.search_match_count(p_query tsquery, p_chatbot_id uuid, p_cap integer)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select count(*)::integer from (
    select 1
    from public.messages m
    where m.search @@ p_query and not m.is_preview
      and m.chatbot_id in (select c.id from public.chatbots c
                           where c.user_id = (select auth.uid()) and (p_chatbot_id is null or c.id = p_chatbot_id))
    limit greatest(least(p_cap, 100000), 0)
  ) as matched;
$$;
comment on function private.search_match_count(tsquery, uuid, integer) is
  'How many of the calling owner''s messages match the query, counted up to p_cap: tells the inbox whether to walk conversations newest-first (common words) or gather matches through the index (rare ones).';
revoke all on function private.search_match_count(tsquery, uuid, integer) from public, anon;
grant execute on function private.search_match_count(tsquery, uuid, integer) to authenticated, service_role;

create function private.conversation_matches(p_chatbot_id uuid, p_conversation_id uuid, p_query tsquery)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.messages m
    where m.conversation_id = p_conversation_id and m.chatbot_id = p_chatbot_id
      and not m.is_preview and m.search @@ p_query
      and exists (select 1 from public.chatbots c where c.id = p_chatbot_id and c.user_id = (select auth.uid()))
  );
$$;
comment on function private.conversation_matches(uuid, uuid, tsquery) is
  'Whether one of the calling owner''s conversations has a turn matching the query (false for anyone else''s), read through messages_conversation_idx.';
revoke all on function private.conversation_matches(uuid, uuid, tsquery) from public, anon;
grant execute on function private.conversation_matches(uuid, uuid, tsquery) to authenticated, service_role;
