-- Issue 22: an API key is `read` (it may call only the API's GET operations, and their MCP tools)
-- or `write` (everything its owner may do with a key). Keys from before did everything, so they
-- become `write`, and so does a key created without saying (the API's existing clients).

alter table public.api_keys
  add column scope text not null default 'write' constraint api_keys_scope_check check (scope in ('read', 'write'));
comment on column public.api_keys.scope is
  'read: the key may call only GET operations; write: any operation a key may call. Set at creation, never changed.';

-- As the key's other columns: owners read it back and choose it when minting, never rewrite it
-- (a read key turned into a write key would be a new key in all but name).
grant select (scope), insert (scope) on public.api_keys to authenticated;
