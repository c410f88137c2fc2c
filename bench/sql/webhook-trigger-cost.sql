-- What the webhook triggers add to recording a turn (private.finish_turn), measured inside
-- PostgreSQL with track_functions, so load on the machine moves the figures less than wall time:
--   createdb -h 127.0.0.1 -U postgres hooks_bench
--   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hooks_bench npm run db:migrate
--   psql -h 127.0.0.1 -U postgres -d hooks_bench -At -f bench/sql/webhook-trigger-cost.sql
--   dropdb -h 127.0.0.1 -U postgres hooks_bench
-- Prints the mean time of the trigger function and of finish_turn (which includes it) over 2000
-- answered turns, for an owner without endpoints and for one with a subscribed endpoint.
\set ON_ERROR_STOP on
set track_functions = 'all';
insert into auth.users (id, email) values ('11111111-1111-4111-8111-111111111111', 'bench@example.test') on conflict do nothing;
insert into public.chatbots (id, user_id, name, public_url_slug)
values ('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', 'Bench', 'bench-hooks') on conflict do nothing;
insert into public.visitors (id, chatbot_id, visitor_id)
values ('33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-222222222222', 'bench') on conflict do nothing;

-- Function statistics reach pg_stat_user_functions once the transaction that ran them is over:
-- each step is its own statement.
create function pg_temp.answer_turns() returns void language plpgsql as $$
declare ids uuid[];
begin
  delete from public.messages;
  delete from private.jobs;
  insert into public.messages (chatbot_id, visitor_id, conversation_id, message)
    select '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333', gen_random_uuid(), 'q ' || n
      from generate_series(1, 2000) n;
  select array_agg(id) into ids from public.messages;
  for i in 1 .. array_length(ids, 1) loop
    perform private.finish_turn(ids[i], 'answered', 'an answer', null, 'offline', 10, 1, 1, 'from_content');
  end loop;
end $$;
create view pg_temp.cost as
  select format('%s %s calls, %s us each', funcname, calls, round((total_time * 1000 / calls)::numeric, 1))
    from pg_stat_user_functions where funcname in ('enqueue_message_webhooks', 'finish_turn') and calls > 0
   order by funcname;

delete from public.webhook_endpoints;
select pg_stat_reset();
select pg_temp.answer_turns();
select pg_stat_force_next_flush();
select 'no endpoint:';
select * from pg_temp.cost;

insert into public.webhook_endpoints (user_id, url, events)
values ('11111111-1111-4111-8111-111111111111', 'https://example.test/hook', array['message.created']);
select pg_stat_reset();
select pg_temp.answer_turns();
select pg_stat_force_next_flush();
select 'one subscribed endpoint (a job per turn):';
select * from pg_temp.cost;
select format('jobs queued: %s', count(*)) from private.jobs;
