-- Issue 11: every turn writes a message row, and each index on messages is written with it. Two
-- served limits that now count with counters (private.chat_windows, public.owner_monthly_usage)
-- and have no reader left: the per-IP count's (chatbot_id, client_ip, created_at) and the monthly
-- quota's (chatbot_id, created_at) where not refused. Reading a bot's messages by time walks
-- messages_inbox_idx (chatbot_id, created_at desc, id desc) instead.
drop index if exists public.messages_client_ip_idx;
drop index if exists public.messages_chatbot_created_idx;

comment on column public.messages.client_ip is
  'The caller''s address when the turn was taken, for the owner''s records; the per-IP limit counts in private.chat_windows.';
