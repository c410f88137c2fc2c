-- private.slug_available set aside the bot named by p_chatbot_id whoever owned it, so another
-- owner passing a bot's id heard that its slug was free (the save would still fail on the unique
-- constraint, but the editor said "available"). Only the caller's own bot is set aside now.

create or replace function private.slug_available(p_slug text, p_chatbot_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select not exists (
    select 1 from public.chatbots
    where public_url_slug = p_slug
      and (p_chatbot_id is null or id <> p_chatbot_id or user_id is distinct from (select auth.uid()))
  )
    and not exists (select 1 from private.reserved_slugs where slug = p_slug);
$$;

comment on function private.slug_available(text, uuid) is
  'Whether a chatbot may take this slug: no bot has it but the caller''s own p_chatbot_id, and it is not reserved. Slugs are public names, like usernames, so telling that one is taken reveals nothing private.';

revoke all on function private.slug_available(text, uuid) from public, anon;
grant execute on function private.slug_available(text, uuid) to authenticated;
