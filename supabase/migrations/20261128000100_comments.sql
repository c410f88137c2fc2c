-- Column comments that describe the schema as it is, not where it came from.

comment on column public.messages.visitor_id is
  'The visitors row (visitors.id) that sent the message; not the client''s own visitor id, which is visitors.visitor_id.';
