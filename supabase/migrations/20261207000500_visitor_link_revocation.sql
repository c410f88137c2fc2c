-- Reply-email links that can be revoked (issue 21, finding 2). A link, and the cookie it leaves in
-- another browser, hold the visitor's secret sealed for one bot; until now nothing checked them
-- against the database, so a link kept working after the visitor erased their data, and the
-- adopted browser saw what the original browser wrote afterwards. Now an adopted identity counts
-- only while the very sealed value it holds is still kept for that visitor (the server asks
-- private.visitor_link_kept on each use); erasure deletes it with the visitor row, and the
-- visitor can delete it themselves (private.revoke_visitor_links). The kept value no longer
-- changes each time details are left, or every earlier link and adopted browser would stop.

create or replace function private.keep_visitor_link_key(p_chatbot_id uuid, p_visitor_secret text, p_sealed text)
returns boolean
language plpgsql security definer
set search_path = ''
as $$
declare
  found_row uuid;
begin
  if p_visitor_secret is null or pg_catalog.length(p_visitor_secret) < 32 then
    return false;
  end if;
  select v.id into found_row from public.visitors v
   where v.chatbot_id = p_chatbot_id and v.visitor_id = private.web_visitor_id(p_visitor_secret, p_chatbot_id);
  if not found then
    return false;
  end if;
  -- The first key stays: the links already mailed, and the browsers that followed them, hold it.
  insert into private.visitor_link_keys (visitor_row, sealed) values (found_row, p_sealed)
  on conflict (visitor_row) do nothing;
  return true;
end;
$$;

create function private.visitor_link_kept(p_chatbot_id uuid, p_visitor_secret text, p_sealed text)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select p_visitor_secret is not null and pg_catalog.length(p_visitor_secret) >= 32 and exists (
    select 1
      from public.visitors v
      join private.visitor_link_keys k on k.visitor_row = v.id
     where v.chatbot_id = p_chatbot_id
       and v.visitor_id = private.web_visitor_id(p_visitor_secret, p_chatbot_id)
       and k.sealed = p_sealed);
$$;

comment on function private.visitor_link_kept(uuid, text, text) is
  'Whether a reply link''s sealed secret is still the one kept for the visitor it names at this bot: false once the visitor erased their data or revoked their links.';

create function private.revoke_visitor_links(p_chatbot_id uuid, p_visitor_secret text)
returns boolean
language plpgsql security definer
set search_path = ''
as $$
declare
  gone integer;
begin
  if p_visitor_secret is null or pg_catalog.length(p_visitor_secret) < 32 then
    return false;
  end if;
  delete from private.visitor_link_keys k
   using public.visitors v
   where k.visitor_row = v.id
     and v.chatbot_id = p_chatbot_id
     and v.visitor_id = private.web_visitor_id(p_visitor_secret, p_chatbot_id);
  get diagnostics gone = row_count;
  return gone > 0;
end;
$$;

comment on function private.revoke_visitor_links(uuid, text) is
  'For the holder of a visitor cookie''s secret: every reply link mailed to them from this bot, and every browser that followed one, stops being them; true when there was a key to revoke.';

revoke all on function private.visitor_link_kept(uuid, text, text) from public;
grant execute on function private.visitor_link_kept(uuid, text, text) to anon, authenticated, service_role;
revoke all on function private.revoke_visitor_links(uuid, text) from public;
grant execute on function private.revoke_visitor_links(uuid, text) to anon, authenticated, service_role;
