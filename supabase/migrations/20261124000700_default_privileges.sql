-- Supabase's default privileges grant anon and authenticated ALL on every table later created in
-- public (by the role running migrations). Our migrations grant each table exactly what it needs,
-- so the defaults only risk over-granting a table someone adds without thinking of it: a new table
-- should start with no access for the API roles, not with everything. On plain PostgreSQL and
-- PGlite there are no such defaults and this changes nothing.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;
