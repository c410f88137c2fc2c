-- The code's constants moved into feature folders: the comments that point at them follow.
comment on function private.webhook_events() is
  'The webhook events an owner can subscribe to (lib/webhooks/events.ts WEBHOOK_EVENTS is the same list).';
