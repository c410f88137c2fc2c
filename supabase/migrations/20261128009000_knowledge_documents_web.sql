-- Knowledge from uploaded PDF and Word files and from web pages: a web page is an item of its own
-- kind with the address it came from, and an upload's original file may be kept beside its text.
-- The original lives in the database (servers are stateless and keep nothing on disk), only when
-- the owner asks for it.

alter table public.knowledge_items drop constraint knowledge_items_kind_check;
alter table public.knowledge_items add constraint knowledge_items_kind_check
  check (kind in ('qa', 'note', 'document', 'web'));

alter table public.knowledge_items
  add column source_url text check (source_url is null or (char_length(source_url) <= 2048 and source_url ~ '^https?://')),
  add column original bytea check (original is null or octet_length(original) <= 10485760),
  add column original_type text check (original_type is null or char_length(original_type) <= 200),
  -- A kept file always says what it is, and a type never describes a file that isn't there.
  add constraint knowledge_items_original_typed check ((original is null) = (original_type is null));

comment on column public.knowledge_items.kind is 'qa: a question (title) and its answer (body), given as written when asked; note: titled Markdown; document: text extracted from an upload (title: the file name); web: the main text of a web page (title: the page''s title).';
comment on column public.knowledge_items.source_url is 'web: the address the page was read from (after redirects); null for other kinds.';
comment on column public.knowledge_items.original is 'The uploaded file as sent (at most 10 MB), when the owner chose to keep it; null when discarded (the default).';
comment on column public.knowledge_items.original_type is 'The kept original''s media type (application/pdf, ...); null exactly when original is.';

-- The existing policies cover the new columns (row-level, by owner); insert was granted on the whole
-- table, and update stays limited to the content columns, so a kept file can't be swapped later.
