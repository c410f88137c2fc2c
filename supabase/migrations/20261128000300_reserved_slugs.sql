-- Reserved slugs, enforced by the database too: a chatbot row written past the API (Supabase's
-- REST API, the SQL editor) can't take a word the app keeps for itself. The same list is
-- RESERVED_SLUGS in lib/validation/chatbot.ts, which forms check in the browser;
-- tests/integration/reserved-slugs.test.ts fails when the two differ.

create table private.reserved_slugs (
  slug text primary key
);
comment on table private.reserved_slugs is 'Words no chatbot may use as its public_url_slug (the app''s routes, names visitors could mistake for the product).';

insert into private.reserved_slugs (slug) values
  ('about'),
  ('account'),
  ('accounts'),
  ('admin'),
  ('administrator'),
  ('api'),
  ('app'),
  ('assets'),
  ('auth'),
  ('billing'),
  ('blog'),
  ('c'),
  ('callback'),
  ('chat'),
  ('chatbot'),
  ('chatbots'),
  ('chatfolio'),
  ('contact'),
  ('dashboard'),
  ('docs'),
  ('embed'),
  ('help'),
  ('home'),
  ('keys'),
  ('legal'),
  ('login'),
  ('logout'),
  ('me'),
  ('messages'),
  ('new'),
  ('null'),
  ('oauth'),
  ('openapi'),
  ('pricing'),
  ('privacy'),
  ('profile'),
  ('register'),
  ('root'),
  ('security'),
  ('settings'),
  ('sign-in'),
  ('sign-out'),
  ('sign-up'),
  ('signin'),
  ('signout'),
  ('signup'),
  ('static'),
  ('status'),
  ('support'),
  ('system'),
  ('terms'),
  ('undefined'),
  ('visitors'),
  ('widget'),
  ('www');

create function private.refuse_reserved_slug() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from private.reserved_slugs r where r.slug = new.public_url_slug) then
    raise exception 'public_url_slug "%" is reserved', new.public_url_slug using errcode = 'check_violation';
  end if;
  return new;
end;
$$;
comment on function private.refuse_reserved_slug() is 'Refuses a chatbot whose public_url_slug is reserved, whoever writes the row.';
revoke execute on function private.refuse_reserved_slug() from public, anon, authenticated;

create trigger chatbots_refuse_reserved_slug before insert or update of public_url_slug on public.chatbots
  for each row execute function private.refuse_reserved_slug();
