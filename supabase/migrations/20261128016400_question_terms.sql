-- Issue 13: the questions queue groups questions that ask the same thing in other words ("Would she
-- relocate?", "Is she open to moving?"), not only the same words. A question's terms are its
-- content words as English stems (less modal and asking verbs), each synonym pair (private.knowledge_synonyms) folded onto one
-- of its words, less the owner's name; lib/questions/grouping.ts compares them.

create function private.question_terms(p_question text, p_ignore text)
returns text[]
language sql
stable
-- Owners call it, and the synonym list is the server's: readable here, not granted.
security definer
set search_path = ''
as $$
  with words as (
    select t.lexeme
    from pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig, pg_catalog.left(coalesce(p_question, ''), 4000))) as t
    where t.lexeme not in (
      -- PostgreSQL's English stop words keep the modal verbs and the asking verbs, which say
      -- nothing about what a question asks.
      select i.lexeme from pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig,
        coalesce(p_ignore, '') || ' would could should might may must shall tell know please')) as i
    )
  )
  -- A word stands for itself or its alphabetically first synonym, whichever comes first, so both
  -- words of a pair fold onto the same term (least() passes over the null of a word without synonyms).
  select coalesce(pg_catalog.array_agg(distinct least(w.lexeme, (
    select pg_catalog.min(s.lexeme)
    from private.knowledge_synonyms k
    cross join lateral pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig, k.synonym)) as s
    where pg_catalog.to_tsvector('english'::regconfig, k.word) @@ pg_catalog.to_tsquery('simple'::regconfig, pg_catalog.quote_literal(w.lexeme))
  ))), '{}')
  from words w;
$$;

comment on function private.question_terms(text, text) is 'A question''s content words as English stems, synonyms folded onto one term, less the words of p_ignore: what the questions queue compares to group questions asked in other words.';

revoke all on function private.question_terms(text, text) from public, anon;
grant execute on function private.question_terms(text, text) to authenticated, service_role;
