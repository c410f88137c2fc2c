-- What the owner's dashboard needs beyond the API's tables: whether a slug is free (RLS hides
-- other owners' bots, so only the database can tell), and an index for the overview's counts.

create function private.slug_available(p_slug text, p_chatbot_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select not exists (
    select 1 from public.chatbots
    where public_url_slug = p_slug
      and (p_chatbot_id is null or id <> p_chatbot_id)
  )
    and not exists (select 1 from private.reserved_slugs where slug = p_slug);
$$;

comment on function private.slug_available(text, uuid) is
  'Whether a chatbot may take this slug: nobody else''s bot has it and it is not reserved. Slugs are public names, like usernames, so telling that one is taken reveals nothing private.';

revoke all on function private.slug_available(text, uuid) from public, anon;
grant execute on function private.slug_available(text, uuid) to authenticated;
