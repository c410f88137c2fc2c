-- Issue 19: questions are understood in the server, through maintained language resources
-- (lib/language: WordNet read by wordpos, wink-nlp's lemmatizer and tagger), not through pairs of
-- synonyms listed here. The server passes each question's words of the same meaning (synonyms,
-- derivations, the words of the kinds of question it asks) beside the question, and retrieval ORs
-- them in; the questions queue groups on terms from the same analysis, computed on its page.

drop function private.question_terms(text, text);
drop function private.retrieve_knowledge(uuid, text, text, integer);
drop function private.question_tsquery(text, text);
drop table private.knowledge_synonyms;

create function private.question_tsquery(p_question text, p_ignore text, p_words jsonb)
returns tsquery
language sql
stable
set search_path = ''
as $$
  with ignored as (
    select i.lexeme from pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig, coalesce(p_ignore, ''))) as i
  ),
  own as (
    select t.lexeme
    from pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig, pg_catalog.left(coalesce(p_question, ''), 4000))) as t
    where t.lexeme not in (select lexeme from ignored)
  ),
  -- p_words maps a word of the question to its related words ("" for the words of the kinds of
  -- question it asks). A word of the owner's name brings none: "Rose" asks about no flower.
  entries as (
    select e.key as word, e.value as related
    from pg_catalog.jsonb_each(case when pg_catalog.jsonb_typeof(p_words) = 'object' then p_words else '{}'::jsonb end) as e
    where pg_catalog.jsonb_typeof(e.value) = 'array'
      and not exists (
        select 1 from pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig, pg_catalog.left(e.key, 100))) as w
        where w.lexeme in (select lexeme from ignored)
      )
    limit 32
  ),
  related as (
    select s.lexeme
    from entries e
    cross join lateral (select r.value from pg_catalog.jsonb_array_elements_text(e.related) as r limit 64) as r
    cross join lateral pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig, pg_catalog.left(r.value, 100))) as s
  ),
  -- Bounded whatever the caller passes: the question's own words, then at most 96 more.
  expanded as (
    select lexeme from own
    union
    (select lexeme from related where lexeme not in (select lexeme from own) limit 96)
  )
  select case when count(*) = 0 then null
    else pg_catalog.string_agg(pg_catalog.quote_literal(lexeme), ' | ')::tsquery end
  from expanded;
$$;

comment on function private.question_tsquery(text, text, jsonb) is 'The OR of a question''s content words and the words of the same meaning the server found for them (p_words: word -> related words), as English stems, less the words of p_ignore and what they bring; null when none remain.';

create function private.retrieve_knowledge(p_chatbot_id uuid, p_chatbot_slug text, p_question text, p_limit integer, p_words jsonb)
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
  owner_name text;
  query tsquery;
  own tsquery;
begin
  select c.id, c.user_id, c.knowledge_scope into bot_id, owner_id, scope from public.chatbots c
  where (p_chatbot_id is not null and c.id = p_chatbot_id)
     or (p_chatbot_id is null and c.public_url_slug = pg_catalog.lower(p_chatbot_slug));
  if owner_id is null then
    return '[]'::jsonb;
  end if;
  owner_name := (select p.name from public.profiles p where p.user_id = owner_id);
  query := private.question_tsquery(p_question, owner_name, p_words);
  if query is null then
    return '[]'::jsonb;
  end if;
  -- The visitor's own words rank above the words found for them, and a Q&A whose question
  -- matched above both: the related words find more, they must not crowd out the answer.
  own := coalesce(private.question_tsquery(p_question, owner_name, null), query);
  return coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
      'item_id', ranked.item_id, 'kind', ranked.kind, 'title', ranked.title,
      'alternatives', pg_catalog.to_jsonb(ranked.alternatives), 'content', ranked.content,
      'asked', ranked.asked
    ) order by ranked.rank desc, ranked.item_id)
    from (
      select matched.*,
             2 * pg_catalog.ts_rank_cd(matched.search, own) + pg_catalog.ts_rank_cd(matched.search, query)
               + case when matched.asked then 1 else 0 end as rank
      from (
      select k.item_id, i.kind, i.title, i.alternatives, k.content, k.search,
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
      ) as matched
      order by rank desc, matched.item_id
      limit least(greatest(coalesce(p_limit, 5), 1), 10)
    ) as ranked
  ), '[]'::jsonb);
end;
$$;

comment on function private.retrieve_knowledge(uuid, text, text, integer, jsonb) is 'A chatbot''s knowledge chunks that best match a question and the words of the same meaning the server found for it (at most 10), best first, from all of its owner''s items or the bot''s chosen subset, each Q&A saying whether its own question matched (asked); the server''s own, called with start_turn.';

revoke all on function private.question_tsquery(text, text, jsonb) from public, anon, authenticated;
revoke all on function private.retrieve_knowledge(uuid, text, text, integer, jsonb) from public, anon, authenticated;
grant execute on function private.question_tsquery(text, text, jsonb) to service_role;
grant execute on function private.retrieve_knowledge(uuid, text, text, integer, jsonb) to service_role;
