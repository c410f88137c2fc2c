-- Sign-in limits answer repeated failures with a growing wait instead of a wall: each bucket keeps
-- when its last attempt came, and past the limit an attempt is refused only until a delay that
-- doubles with every attempt over it has passed since the previous one.

alter table private.auth_attempts add column last_attempt_at timestamptz not null default now();
comment on column private.auth_attempts.last_attempt_at is 'When this bucket''s latest attempt came; past the limit, the next is allowed only a growing delay after it.';
