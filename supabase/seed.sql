-- Demo content, so a newcomer has a bot to open at /c/demo at once. The embedded database runs
-- this on its first start (applySeed in lib/db/migrate.ts); `supabase db reset` runs it on a local Supabase.
-- The demo owner has no password, so nobody can sign in as them.

insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
values (
  '00000000-0000-4000-8000-00000000d3e0',
  'authenticated',
  'authenticated',
  'demo@chatfolio.invalid',
  null,
  now(),
  '{"provider":"demo"}'::jsonb,
  '{"demo":true}'::jsonb
)
on conflict (id) do nothing;

insert into public.profiles (user_id, name, location, bio, skills, experience, interests)
values (
  '00000000-0000-4000-8000-00000000d3e0',
  'Ada Demo',
  'Lisbon, Portugal',
  'Ada is a product engineer who builds calm, fast web apps and likes explaining how things work.',
  'TypeScript, React, Next.js, PostgreSQL, Node.js, accessibility, technical writing.',
  'Senior engineer at Tidewater Labs since 2021, leading the web platform team. Before that, four years as a full-stack developer at Northwind Studio, building booking systems for small hotels.',
  'Sea swimming, film photography, and teaching beginners to code at a weekly community workshop.'
)
on conflict (user_id) do nothing;

insert into public.chatbots (user_id, name, description, is_public, configuration, public_url_slug)
values (
  '00000000-0000-4000-8000-00000000d3e0',
  'Ask about Ada',
  'A demo chatbot that answers questions about Ada''s work, skills and interests.',
  true,
  '{"welcome_message":"Hi! I''m Ada''s assistant. Ask me about her work, skills or interests.","starter_questions":["What does Ada do?","Which technologies does she use?","Where is she based?"]}'::jsonb,
  'demo'
)
on conflict (public_url_slug) do nothing;
