-- Issue 14: the bot itself offers the "Leave your details" form, right under an answer that could
-- not help (outcome unanswered) or that met a visitor asking to reach the owner. The answer keeps
-- that it offered, so a visitor who comes back finds the form under it again until they have left
-- their details.

alter table public.messages add column contact_offered boolean not null default false;
comment on column public.messages.contact_offered is
  'The answer offered the visitor the form to leave their details for the owner (the bot''s contact_form was not off); false for turns that were not answered.';

-- finish_turn records the offer too, in the same round trip: an eleven-argument overload (no
-- default, which would make ten-argument calls ambiguous). The body is the ten-argument one's with
-- one more column.
create function private.finish_turn(
  p_message_id uuid, p_status text, p_response text, p_error text, p_model text,
  p_latency_ms integer, p_input_tokens integer, p_output_tokens integer, p_outcome text, p_sources jsonb,
  p_contact_offered boolean
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
      sources = case when p_status = 'answered' and pg_catalog.jsonb_typeof(p_sources) = 'array' then p_sources end,
      contact_offered = p_status = 'answered' and coalesce(p_contact_offered, false),
      completed_at = now()
  where id = p_message_id and status = 'pending' and p_status in ('answered', 'failed', 'aborted')
  returning true;
$$;
comment on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text, jsonb, boolean) is
  'Records how a pending turn ended: the answer (or what was generated before an abort), the model, latency, token usage and, for an answer, its outcome, sources and whether it offered the contact form.';
revoke execute on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text, jsonb, boolean) from public, anon, authenticated;
grant execute on function private.finish_turn(uuid, text, text, text, text, integer, integer, integer, text, jsonb, boolean) to service_role;

-- The ten-argument form stays, offering nothing: during a rolling deploy, servers still on the
-- previous version call it against the migrated database (and the shorter forms call it).
create or replace function private.finish_turn(
  p_message_id uuid, p_status text, p_response text, p_error text, p_model text,
  p_latency_ms integer, p_input_tokens integer, p_output_tokens integer, p_outcome text, p_sources jsonb
)
returns boolean
language sql
security definer
set search_path = ''
as $$
  select private.finish_turn(p_message_id, p_status, p_response, p_error, p_model, p_latency_ms,
    p_input_tokens, p_output_tokens, p_outcome, p_sources, false);
$$;

-- A returning visitor's conversation as before, each answer saying whether the form is still on
-- offer under it: offered, and no details left by this visitor since.
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
  replies jsonb;
  earliest timestamptz;
  show_sources boolean;
  details_left_at timestamptz;
begin
  if p_visitor_secret is null or pg_catalog.length(p_visitor_secret) < 32 then
    return null;
  end if;
  select v.* into visitor
  from public.visitors v
  join public.chatbots c on c.id = v.chatbot_id
  where v.chatbot_id = p_chatbot_id
    and v.visitor_id = private.web_visitor_id(p_visitor_secret, p_chatbot_id)
    -- The same visibility as chatbot_page: a private bot's history only for its owner's preview.
    and (c.is_public or c.user_id = (select auth.uid()));
  if not found then
    return null;
  end if;
  -- Sources go back to the visitor only when the bot's owner shows them (configuration show_sources).
  select coalesce(c.configuration ->> 'show_sources' = 'true', false) into show_sources
  from public.chatbots c where c.id = p_chatbot_id;
  -- Read through contacts_visitor_idx: the latest details this visitor left at this bot.
  select k.created_at into details_left_at
  from public.contacts k
  where k.chatbot_id = p_chatbot_id and k.visitor_id = visitor.id
  order by k.created_at desc
  limit 1;

  select m.conversation_id into latest
  from public.messages m
  where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id and m.status <> 'rate_limited'
  order by m.created_at desc
  limit 1;

  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', t.id, 'message', t.message, 'response', t.response, 'status', t.status, 'created_at', t.created_at,
           'feedback', t.feedback, 'feedback_comment', t.feedback_comment,
           'sources', case when show_sources then t.sources end,
           'contact_offered', t.contact_offered and (details_left_at is null or details_left_at < t.created_at)
         ) order by t.created_at), '[]'::jsonb), min(t.created_at)
  into turns, earliest
  from (
    select m.id, m.message, m.response, m.status, m.created_at, m.feedback, m.feedback_comment, m.sources,
           m.contact_offered
    from public.messages m
    where m.chatbot_id = p_chatbot_id and m.visitor_id = visitor.id and m.conversation_id = latest
      and m.status <> 'rate_limited'
    order by m.created_at desc
    limit greatest(1, least(coalesce(p_max_turns, 50), 200))
  ) t;

  -- The owner's replies from the first turn shown on: older ones belong with turns cut off above.
  select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'id', r.id, 'body', r.body, 'created_at', r.created_at) order by r.created_at), '[]'::jsonb)
  into replies
  from public.owner_replies r
  where r.chatbot_id = p_chatbot_id and r.conversation_id = latest and r.created_at >= earliest;

  return pg_catalog.jsonb_build_object('visitor_name', visitor.name, 'conversation_id', latest, 'turns', turns,
                                       'replies', replies);
end;
$$;
comment on function private.visitor_conversation(uuid, text, integer) is
  'The name a visitor gave a chatbot and their latest conversation with it (at most p_max_turns turns, oldest first, with their feedback and whether the contact form is still on offer under each answer, and the owner''s replies since the first of them), for the holder of the visitor cookie''s secret; null for an unknown visitor or a bot the caller may not see.';
