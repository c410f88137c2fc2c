import { z } from "zod";

// Shared by the API routes, the settings page's forms and the OpenAPI document: no "server-only" here.

/** Plenty for real integrations; stops a script (or a stolen session) from minting keys endlessly. */
export const MAX_API_KEYS_PER_OWNER = 50;

/** POST /api/keys. */
export const createApiKeySchema = z.object({
  name: z
    .string({ error: "Give the key a name." })
    .trim()
    .min(1, "Give the key a name.")
    .max(100, "A key name has at most 100 characters."),
});

/** One key as listed by GET /api/keys: never its secret. */
export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The key's first characters (cfk_…), to tell keys apart. */
  prefix: z.string(),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z.object({ keys: z.array(apiKeySchema) });

/** 201 from POST /api/keys: the only time the key itself is shown. */
export const createdApiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The full key, cfk_ followed by 43 characters. Store it now: it cannot be shown again. */
  key: z.string(),
  prefix: z.string(),
  created_at: z.iso.datetime(),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
