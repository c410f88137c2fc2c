import { endpoints } from "@/lib/api/endpoint";
import { apiKeyListSchema, createApiKeySchema, createdApiKeySchema } from "./schemas";

const apiKeys = endpoints({ tag: "API keys", auth: "required" });

const NO_STORE = { "Cache-Control": { description: "private, no-store", schema: { type: "string" as const } } };

export const listApiKeysEndpoint = apiKeys("GET /api/keys", "listApiKeys", {
  summary: "The caller's API keys (never their secrets), oldest first",
  responses: {
    200: {
      description: "The caller's keys.",
      body: { name: "ApiKeyList", schema: apiKeyListSchema },
      headers: NO_STORE,
    },
  },
});

export const createApiKeyEndpoint = apiKeys("POST /api/keys", "createApiKey", {
  summary: "Create an API key; the key is shown only in this response",
  description:
    "Needs a password given in the last 10 minutes: a fresh access token (POST /api/auth/token), or a browser session that signed in or confirmed its password recently. Otherwise, and always with an API key, 403 `reauthentication_required`.",
  body: { name: "ApiKeyCreate", schema: createApiKeySchema },
  responses: {
    201: {
      description: "The new key, with its secret.",
      body: { name: "CreatedApiKey", schema: createdApiKeySchema },
      headers: NO_STORE,
    },
  },
  errors: ["conflict", "reauthentication_required"],
});

export const deleteApiKeyEndpoint = apiKeys("DELETE /api/keys/{id}", "deleteApiKey", {
  summary: "Revoke an API key",
  description: "The next request with the key is refused. Another owner's key id is 404, like a missing one.",
  responses: { 204: { description: "Revoked." } },
});
