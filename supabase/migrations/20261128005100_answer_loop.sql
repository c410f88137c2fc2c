-- The answer loop: each answered turn says what kind of answer it was, the questions a bot could
-- not answer are grouped for its owner, and the owner answers a group once (a Q&A) or dismisses it.

alter table public.messages add column outcome text
  check (outcome in ('from_content', 'unanswered', 'small_talk', 'declined'));
comment on column public.messages.outcome is 'What the answer was: from_content (the profile or knowledge answered), unanswered (nothing relevant), small_talk (greeting, thanks), declined (manipulation or off-topic); null when the model did not say (a real model without classification) or the turn was not answered.';

-- A visitor's words as the questions queue groups them: case, punctuation and spacing aside.
create function private.normalized_question(p_text text)
returns text
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.lower(coalesce(p_text, '')), '[^[:alnum:]]+', ' ', 'g'));
$$;
comment on function private.normalized_question(text) is 'Lower-cased text with runs of anything but letters and digits as one space: how the questions queue tells two askings apart.';
revoke all on function private.normalized_question(text) from public, anon;
grant execute on function private.normalized_question(text) to authenticated, service_role;

create index messages_unanswered_idx on public.messages (chatbot_id, created_at desc)
  where outcome = 'unanswered' and not is_preview;

create table public.question_resolutions (
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  normalized_question text not null check (char_length(normalized_question) between 1 and 4000),
  resolution text not null check (resolution in ('answered', 'dismissed')),
  knowledge_item_id uuid references public.knowledge_items (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (user_id, normalized_question)
);
comment on table public.question_resolutions is 'Unanswered questions an owner has dealt with: answered (with the Q&A it became) or dismissed. The queue leaves them out; asking again after that is a new question only if the bot still cannot answer it.';

alter table public.question_resolutions enable row level security;
create policy "Owners read their own resolutions" on public.question_resolutions
  for select to authenticated using (user_id = (select auth.uid()));
create policy "Owners resolve their own questions" on public.question_resolutions
  for insert to authenticated with check (
    user_id = (select auth.uid())
    and (knowledge_item_id is null
      or exists (select 1 from public.knowledge_items i where i.id = knowledge_item_id and i.user_id = (select auth.uid())))
  );
create policy "Owners change their own resolutions" on public.question_resolutions
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "Owners delete their own resolutions" on public.question_resolutions
  for delete to authenticated using (user_id = (select auth.uid()));

revoke all on public.question_resolutions from anon, authenticated;
grant select, insert, update, delete on public.question_resolutions to authenticated;
grant select, insert, update, delete on public.question_resolutions to service_role;

-- finish_turn records the outcome too, in the same round trip: a new nine-argument overload (no
-- default, which would make eight-argument calls ambiguous).
create function private.finish_turn(
  p_message_id uuid, p_status text, p_response text, p_error text, p_model text,
  p_latency_ms integer, p_input_tokens integer, p_output_tokens integer, p_outcome text
)
returns boolean
language sql
security definer
set search_path = ''
as $$
  update public.messages
  set status = p_status,
      response = p_response,
      error = p_error,
      model = p_model,
      latency_ms = p_latency_ms,
      input_tokens = p_input_tokens,
      output_tokens = p_output_tokens,
      outcome = case when p_status = 'answered' then p_outcome end,
      completed_at = now()
  where id = p_message_id and status = 'pending' and p_status in ('answered', 'failed', 'aborted')
  returning true;
$$;
comment on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text) is
  'Records how a pending turn ended: the answer (or what was generated before an abort), the model, latency, token usage and, for an answer, its outcome.';
revoke execute on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text) from public, anon, authenticated;
grant execute on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text) to service_role;

-- The eight-argument form stays, recording no outcome: during a rolling deploy, servers still on
-- the previous version call it against the migrated database.
create or replace function private.finish_turn(
  p_message_id uuid, p_status text, p_response text, p_error text, p_model text,
  p_latency_ms integer, p_input_tokens integer, p_output_tokens integer
)
returns boolean
language sql
security definer
set search_path = ''
as $$
  select private.finish_turn(p_message_id, p_status, p_response, p_error, p_model, p_latency_ms,
    p_input_tokens, p_output_tokens, null::text);
$$;
