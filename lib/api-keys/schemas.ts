import { z } from "zod";
import { API_KEY_SCOPES } from "@/lib/constants";

// Shared by the API routes, the settings page's forms and the OpenAPI document: no "server-only" here.

/** Plenty for real integrations; stops a script (or a stolen session) from minting keys endlessly. */
export const MAX_API_KEYS_PER_OWNER = 50;

const scopeSchema = z.enum(API_KEY_SCOPES, { error: "Choose read or write." }).meta({
  description: "read: the key may call only GET operations (anything else is 403 insufficient_scope); write: any.",
});

const keyNameSchema = z
  .string({ error: "Give the key a name." })
  .trim()
  .min(1, "Give the key a name.")
  .max(100, "A key name has at most 100 characters.");

/** POST /api/keys. Without a scope a key is `write`, as every key was before scopes existed. */
export const createApiKeySchema = z.object({ name: keyNameSchema, scope: scopeSchema.default("write") });

/** The settings page's form: the owner chooses the scope, nothing is assumed for them. */
export const createApiKeyFormSchema = z.object({ name: keyNameSchema, scope: scopeSchema });

/** One key as listed by GET /api/keys: never its secret. */
export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The key's first characters (cfk_…), to tell keys apart. */
  prefix: z.string(),
  scope: scopeSchema,
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
  scope: scopeSchema,
  created_at: z.iso.datetime(),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
