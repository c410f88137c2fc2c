import { endpoint } from "@/lib/api/endpoint";
import { apiKeyListSchema, createApiKeySchema, createdApiKeySchema } from "@/lib/validation/api-keys";
import { idParamsSchema } from "@/lib/validation/common";

const NO_STORE = { "Cache-Control": { description: "no-store", schema: { type: "string" as const } } };

export const listApiKeysEndpoint = endpoint({
  method: "get",
  path: "/api/keys",
  operationId: "listApiKeys",
  summary: "The caller's API keys (never their secrets), oldest first",
  tag: "API keys",
  auth: "required",
  responses: {
    200: {
      description: "The caller's keys.",
      body: { name: "ApiKeyList", schema: apiKeyListSchema },
      headers: NO_STORE,
    },
  },
});

export const createApiKeyEndpoint = endpoint({
  method: "post",
  path: "/api/keys",
  operationId: "createApiKey",
  summary: "Create an API key; the key is shown only in this response",
  tag: "API keys",
  auth: "required",
  body: { name: "ApiKeyCreate", schema: createApiKeySchema },
  responses: {
    201: {
      description: "The new key, with its secret.",
      body: { name: "CreatedApiKey", schema: createdApiKeySchema },
      headers: NO_STORE,
    },
  },
  errors: ["conflict"],
});

export const deleteApiKeyEndpoint = endpoint({
  method: "delete",
  path: "/api/keys/{id}",
  operationId: "deleteApiKey",
  summary: "Revoke an API key",
  description: "The next request with the key is refused. Another owner's key id is 404, like a missing one.",
  tag: "API keys",
  auth: "required",
  params: idParamsSchema,
  responses: { 204: { description: "Revoked." } },
});
