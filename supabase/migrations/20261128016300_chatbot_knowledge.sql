-- Issue 13: each chatbot answers from all of its owner's knowledge (the default), or from a subset
-- the owner chose (a recruiting bot that shouldn't quote the side-project notes). A Q&A that the
-- owner writes in answer to a bot's unanswered question joins that bot's subset, so the loop closes
-- for subset bots too.

alter table public.chatbots
  add column knowledge_scope text not null default 'all' check (knowledge_scope in ('all', 'selected'));
comment on column public.chatbots.knowledge_scope is
  'all: the bot answers from every knowledge item of its owner, new ones included; selected: only from the items listed in chatbot_knowledge_items.';

create table public.chatbot_knowledge_items (
  chatbot_id uuid not null references public.chatbots (id) on delete cascade,
  item_id uuid not null references public.knowledge_items (id) on delete cascade,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (chatbot_id, item_id)
);
comment on table public.chatbot_knowledge_items is
  'The knowledge items a chatbot whose knowledge_scope is selected answers from; ignored while it is all.';
comment on column public.chatbot_knowledge_items.user_id is 'The owner of both the chatbot and the item, for RLS.';

create index chatbot_knowledge_items_item_idx on public.chatbot_knowledge_items (item_id);
create index chatbot_knowledge_items_user_idx on public.chatbot_knowledge_items (user_id);

alter table public.chatbot_knowledge_items enable row level security;
revoke all on public.chatbot_knowledge_items from public, anon, authenticated;
grant select, insert, delete on public.chatbot_knowledge_items to authenticated;
grant select, insert, update, delete on public.chatbot_knowledge_items to service_role;

create policy "Owners read their chatbots' knowledge" on public.chatbot_knowledge_items
  for select to authenticated using (user_id = (select auth.uid()));
-- Both ends must be the caller's: the foreign keys alone ignore RLS.
create policy "Owners give their chatbots their own knowledge" on public.chatbot_knowledge_items
  for insert to authenticated with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.chatbots c where c.id = chatbot_id and c.user_id = (select auth.uid()))
    and exists (select 1 from public.knowledge_items i where i.id = item_id and i.user_id = (select auth.uid()))
  );
create policy "Owners take knowledge from their chatbots" on public.chatbot_knowledge_items
  for delete to authenticated using (user_id = (select auth.uid()));

-- As before, plus the bot's scope: a subset bot reads only its listed items' chunks (an index
-- probe per matching chunk, and at most ten chunks are kept).
create or replace function private.retrieve_knowledge(p_chatbot_id uuid, p_chatbot_slug text, p_question text, p_limit integer)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  bot_id uuid;
  owner_id uuid;
  scope text;
  query tsquery;
begin
  select c.id, c.user_id, c.knowledge_scope into bot_id, owner_id, scope from public.chatbots c
  where (p_chatbot_id is not null and c.id = p_chatbot_id)
     or (p_chatbot_id is null and c.public_url_slug = pg_catalog.lower(p_chatbot_slug));
  if owner_id is null then
    return '[]'::jsonb;
  end if;
  query := private.question_tsquery(p_question, (select p.name from public.profiles p where p.user_id = owner_id));
  if query is null then
    return '[]'::jsonb;
  end if;
  return coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
      'item_id', ranked.item_id, 'kind', ranked.kind, 'title', ranked.title,
      'alternatives', pg_catalog.to_jsonb(ranked.alternatives), 'content', ranked.content,
      'asked', ranked.asked
    ) order by ranked.rank desc, ranked.item_id)
    from (
      select k.item_id, i.kind, i.title, i.alternatives, k.content,
             pg_catalog.ts_rank_cd(k.search, query) as rank,
             -- A Q&A answers the visitor only when its question (or another phrasing) matches, not
             -- when a word of its answer does.
             i.kind = 'qa' and pg_catalog.to_tsvector('english'::regconfig,
               i.title || ' ' || pg_catalog.array_to_string(i.alternatives, ' ')) @@ query as asked
      from public.knowledge_chunks k
      join public.knowledge_items i on i.id = k.item_id
      where k.user_id = owner_id and k.search @@ query
        and (scope = 'all' or exists (
          select 1 from public.chatbot_knowledge_items s where s.chatbot_id = bot_id and s.item_id = k.item_id
        ))
      order by rank desc, k.item_id
      limit least(greatest(coalesce(p_limit, 5), 1), 10)
    ) as ranked
  ), '[]'::jsonb);
end;
$$;

comment on function private.retrieve_knowledge(uuid, text, text, integer) is 'A chatbot''s knowledge chunks that best match a question (at most 10), best first, from all of its owner''s items or the bot''s chosen subset, each Q&A saying whether its own question matched (asked); the server''s own, called with start_turn.';
