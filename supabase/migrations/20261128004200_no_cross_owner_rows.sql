-- Cross-owner writes at the database (issue 12, fix 2).
--
-- The insert policy on public.messages checked only that chatbot_id was the caller's, while
-- visitor_id is a foreign key, which ignores RLS: owner B could insert rows pointing at owner A's
-- visitor (a planted "answered" turn shown on A's visitor's page, or future-dated rows that
-- locked the visitor out), and on Supabase any signed-up user could do it through the REST API.
--  * Owners never write messages or visitors: private.start_turn does, as the server. The insert
--    grants and policies go.
--  * A message's visitor must be a visitor of the same chatbot, whoever writes the row: the
--    single-column foreign key becomes (chatbot_id, visitor_id) -> visitors (chatbot_id, id).
--    That also stops a visitor row being moved to another bot under its messages.
-- The other foreign keys an owner can write (chatbots.user_id, profiles.user_id,
-- api_keys.user_id, visitors.chatbot_id) are each checked against auth.uid() by their policies;
-- messages.visitor_id was the only one that named another row of a tenant's data unchecked.

drop policy "Owners add messages to their chatbots" on public.messages;
revoke insert on public.messages from authenticated;

drop policy "Owners add visitors to their chatbots" on public.visitors;
revoke insert on public.visitors from authenticated;

alter table public.visitors add constraint visitors_chatbot_id_id_key unique (chatbot_id, id);
comment on constraint visitors_chatbot_id_id_key on public.visitors is
  'Lets messages name a visitor together with its chatbot (messages_visitor_same_chatbot_fkey).';

alter table public.messages
  add constraint messages_visitor_same_chatbot_fkey foreign key (chatbot_id, visitor_id)
  references public.visitors (chatbot_id, id) on delete cascade;
comment on constraint messages_visitor_same_chatbot_fkey on public.messages is
  'A message''s visitor is a visitor of the same chatbot (null for previews), whoever writes the row.';
alter table public.messages drop constraint messages_visitor_id_fkey;
