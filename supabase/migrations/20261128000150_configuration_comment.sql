-- The configuration's keys are declared in one module of the app; the column's comment points
-- there rather than listing them, so a new key needs no migration.
comment on column public.chatbots.configuration is
  'The configuration keys the owner set (a JSON object; keys left out take their defaults when read). The keys, their validation and their defaults are declared in lib/chatbots/configuration.ts.';
