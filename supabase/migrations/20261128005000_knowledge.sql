-- An owner's knowledge beyond the profile: Q&A pairs, notes and documents, split into chunks that
-- Postgres full-text search indexes. Every chatbot of the owner answers from them.

create table public.knowledge_items (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  kind text not null check (kind in ('qa', 'note', 'document')),
  title text not null check (char_length(title) between 1 and 300),
  body text not null check (char_length(body) <= 500000),
  alternatives text[] not null default '{}' check (cardinality(alternatives) <= 10),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.knowledge_items is 'What an owner adds about themselves beyond the profile; their chatbots answer from it.';
comment on column public.knowledge_items.kind is 'qa: a question (title) and its answer (body), given as written when asked; note: titled Markdown; document: text extracted from an upload (title: the file name).';
comment on column public.knowledge_items.alternatives is 'Other ways visitors ask a Q&A''s question; they match it like the question itself.';

create index knowledge_items_user_id_created_at_idx on public.knowledge_items (user_id, created_at desc, id desc);

create trigger knowledge_items_set_updated_at before update on public.knowledge_items
  for each row execute function private.set_updated_at();

alter table public.knowledge_items enable row level security;

create policy "Owners read their own knowledge" on public.knowledge_items
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Owners add their own knowledge" on public.knowledge_items
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "Owners change their own knowledge" on public.knowledge_items
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "Owners delete their own knowledge" on public.knowledge_items
  for delete to authenticated using (user_id = (select auth.uid()));

revoke all on public.knowledge_items from anon, authenticated;
grant select, insert, delete on public.knowledge_items to authenticated;
grant update (kind, title, body, alternatives) on public.knowledge_items to authenticated;
grant select, insert, update, delete on public.knowledge_items to service_role;

create table public.knowledge_chunks (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references public.knowledge_items (id) on delete cascade,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  position integer not null check (position >= 0),
  content text not null check (char_length(content) between 1 and 4000),
  search tsvector generated always as (to_tsvector('english', content)) stored,
  unique (item_id, position)
);

comment on table public.knowledge_chunks is 'Knowledge items split into passages of a few sentences, each indexed for full-text search; rewritten whenever its item changes.';
comment on column public.knowledge_chunks.search is 'English full-text vector of the content (stemmed, stop words dropped), served by a GIN index.';

create index knowledge_chunks_search_idx on public.knowledge_chunks using gin (search);
create index knowledge_chunks_user_id_idx on public.knowledge_chunks (user_id);

alter table public.knowledge_chunks enable row level security;

create policy "Owners read their own chunks" on public.knowledge_chunks
  for select to authenticated using (user_id = (select auth.uid()));
-- A chunk must belong to an item of the same owner: the foreign key alone ignores RLS.
create policy "Owners add chunks to their own items" on public.knowledge_chunks
  for insert to authenticated with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.knowledge_items i where i.id = item_id and i.user_id = (select auth.uid()))
  );
create policy "Owners delete their own chunks" on public.knowledge_chunks
  for delete to authenticated using (user_id = (select auth.uid()));

revoke all on public.knowledge_chunks from anon, authenticated;
grant select, insert, delete on public.knowledge_chunks to authenticated;
grant select, insert, update, delete on public.knowledge_chunks to service_role;

-- Words people use about a person, which a question and the owner's text may put differently.
create table private.knowledge_synonyms (
  word text not null,
  synonym text not null,
  primary key (word, synonym)
);

comment on table private.knowledge_synonyms is 'Pairs of words that mean the same in questions about a person (both directions are listed); retrieval adds each question word''s synonyms to its query.';

insert into private.knowledge_synonyms (word, synonym)
select a, b from (values
  ('move', 'relocate'), ('job', 'work'), ('job', 'role'), ('work', 'role'), ('job', 'position'),
  ('hire', 'employ'), ('salary', 'pay'), ('salary', 'compensation'), ('remote', 'home'),
  ('study', 'degree'), ('study', 'university'), ('school', 'university'), ('city', 'town'),
  ('live', 'based'), ('hobby', 'interest'), ('language', 'speak'), ('contact', 'email'),
  ('company', 'employer'), ('visa', 'permit'), ('start', 'begin'), ('available', 'free')
) as pairs (a, b)
union
select b, a from (values
  ('move', 'relocate'), ('job', 'work'), ('job', 'role'), ('work', 'role'), ('job', 'position'),
  ('hire', 'employ'), ('salary', 'pay'), ('salary', 'compensation'), ('remote', 'home'),
  ('study', 'degree'), ('study', 'university'), ('school', 'university'), ('city', 'town'),
  ('live', 'based'), ('hobby', 'interest'), ('language', 'speak'), ('contact', 'email'),
  ('company', 'employer'), ('visa', 'permit'), ('start', 'begin'), ('available', 'free')
) as pairs (a, b);

/*
 * A question is not a search query: websearch_to_tsquery would AND every word, and "How long was
 * she at Northwind?" would then miss "five years at Northwind". This ORs the question's content
 * words (English stems, stop words dropped) and their synonyms' stems.
 */
create function private.question_tsquery(p_question text)
returns tsquery
language sql
stable
set search_path = ''
as $$
  with words as (
    select t.lexeme
    from pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig, pg_catalog.left(coalesce(p_question, ''), 4000))) as t
  ),
  expanded as (
    select lexeme from words
    union
    select s.lexeme
    from words w
    join private.knowledge_synonyms k on pg_catalog.to_tsvector('english'::regconfig, k.word) @@ pg_catalog.to_tsquery('simple'::regconfig, pg_catalog.quote_literal(w.lexeme))
    cross join lateral pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig, k.synonym)) as s
  )
  select case when count(*) = 0 then null
    else pg_catalog.string_agg(pg_catalog.quote_literal(lexeme), ' | ')::tsquery end
  from expanded;
$$;

comment on function private.question_tsquery(text) is 'The OR of a question''s content words and their synonyms, as English stems; null when it has none.';

/*
 * The knowledge a chatbot answers a question from: its owner's best-ranked chunks. Called by the
 * server in the same statement as start_turn (one round trip); it resolves the owner from the bot
 * itself, so no caller chooses whose knowledge it reads.
 */
create function private.retrieve_knowledge(p_chatbot_id uuid, p_chatbot_slug text, p_question text, p_limit integer)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  owner_id uuid;
  query tsquery;
begin
  select c.user_id into owner_id from public.chatbots c
  where (p_chatbot_id is not null and c.id = p_chatbot_id)
     or (p_chatbot_id is null and c.public_url_slug = pg_catalog.lower(p_chatbot_slug));
  if owner_id is null then
    return '[]'::jsonb;
  end if;
  query := private.question_tsquery(p_question);
  if query is null then
    return '[]'::jsonb;
  end if;
  return coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
      'item_id', ranked.item_id, 'kind', ranked.kind, 'title', ranked.title,
      'alternatives', pg_catalog.to_jsonb(ranked.alternatives), 'content', ranked.content
    ) order by ranked.rank desc, ranked.item_id)
    from (
      select k.item_id, i.kind, i.title, i.alternatives, k.content,
             pg_catalog.ts_rank_cd(k.search, query) as rank
      from public.knowledge_chunks k
      join public.knowledge_items i on i.id = k.item_id
      where k.user_id = owner_id and k.search @@ query
      order by rank desc, k.item_id
      limit least(greatest(coalesce(p_limit, 5), 1), 10)
    ) as ranked
  ), '[]'::jsonb);
end;
$$;

comment on function private.retrieve_knowledge(uuid, text, text, integer) is 'A chatbot''s owner''s knowledge chunks that best match a question (at most 10), best first; the server''s own, called with start_turn.';

revoke all on function private.question_tsquery(text) from public, anon, authenticated;
revoke all on function private.retrieve_knowledge(uuid, text, text, integer) from public, anon, authenticated;
grant execute on function private.question_tsquery(text) to service_role;
grant execute on function private.retrieve_knowledge(uuid, text, text, integer) to service_role;
