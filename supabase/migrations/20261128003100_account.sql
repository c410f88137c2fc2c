-- Account management: when a built-in session last proved its password (so only a recent proof
-- can mint API keys), and the single-use links that reset a password or confirm a new email.

-- ---------------------------------------------------------------------------------------------
-- private.sessions.authenticated_at
-- ---------------------------------------------------------------------------------------------
alter table private.sessions add column authenticated_at timestamptz not null default now();
comment on column private.sessions.authenticated_at is 'When the password was last given for this session (sign-in, or a confirmation in the dashboard). Creating an API key needs this to be recent, so a stolen session or token alone cannot mint keys that outlive it.';

-- ---------------------------------------------------------------------------------------------
-- private.account_tokens
-- ---------------------------------------------------------------------------------------------
create table private.account_tokens (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  purpose text not null check (purpose in ('password_reset', 'email_change')),
  new_email text check ((purpose = 'email_change') = (new_email is not null)),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
comment on table private.account_tokens is 'Built-in auth: single-use links sent by email (password reset, new-address confirmation). The row is deleted when the link is used, so a link works once.';
comment on column private.account_tokens.token_hash is 'Hex SHA-256 of the token in the link; the token itself is only in the email.';
comment on column private.account_tokens.purpose is 'password_reset: the link sets a new password; email_change: the link moves the account to new_email.';
comment on column private.account_tokens.new_email is 'The address an email_change link confirms; null for a password reset.';
comment on column private.account_tokens.expires_at is 'The link is refused after this instant.';

create index account_tokens_user_id_idx on private.account_tokens (user_id);
create index account_tokens_expires_at_idx on private.account_tokens (expires_at);

alter table private.account_tokens enable row level security;
revoke all on private.account_tokens from public, anon, authenticated;
grant select, insert, update, delete on private.account_tokens to service_role;
