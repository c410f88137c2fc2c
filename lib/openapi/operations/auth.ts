import {
  apiKeyListSchema,
  apiKeyParamsSchema,
  createApiKeySchema,
  createdApiKeySchema,
} from "@/lib/validation/api-keys";
import {
  credentialsSchema,
  logoutQuerySchema,
  signInSchema,
  signupResponseSchema,
  tokenResponseSchema,
} from "@/lib/validation/auth";
import type { ApiOperation } from "../types";

export const authOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/auth/signup",
    operationId: "signUp",
    summary: "Create an account and sign the browser in",
    description:
      "Sets the session cookie. 202 with `confirmation_required` when Supabase Auth must confirm the email first.",
    tag: "Auth",
    auth: "none",
    body: { name: "Credentials", schema: credentialsSchema },
    responses: {
      201: { description: "Signed up and signed in.", body: { name: "SignupResponse", schema: signupResponseSchema } },
      202: {
        description: "Signed up; the email must be confirmed before signing in.",
        body: { name: "SignupResponse", schema: signupResponseSchema },
      },
    },
    errors: ["forbidden", "conflict", "rate_limited"],
  },
  {
    method: "post",
    path: "/api/auth/token",
    operationId: "createToken",
    summary: "Exchange email and password for an access token",
    description:
      "How integrations sign in: no cookie is set. Send the token as `Authorization: Bearer <access_token>`.",
    tag: "Auth",
    auth: "none",
    body: { name: "SignIn", schema: signInSchema },
    responses: {
      200: {
        description: "An access token.",
        body: { name: "TokenResponse", schema: tokenResponseSchema },
        headers: { "Cache-Control": { description: "no-store", schema: { type: "string" } } },
      },
    },
    errors: ["unauthorized", "rate_limited"],
  },
  {
    method: "post",
    path: "/api/auth/logout",
    operationId: "logout",
    summary: "End the current session (or, with all=true, every session)",
    tag: "Auth",
    auth: "optional",
    query: logoutQuerySchema,
    responses: { 204: { description: "Signed out; the session cookie is cleared." } },
  },
  {
    method: "get",
    path: "/api/keys",
    operationId: "listApiKeys",
    summary: "The caller's API keys (never their secrets)",
    tag: "API keys",
    auth: "required",
    responses: { 200: { description: "The caller's keys.", body: { name: "ApiKeyList", schema: apiKeyListSchema } } },
  },
  {
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
      },
    },
    errors: ["conflict"],
  },
  {
    method: "delete",
    path: "/api/keys/{id}",
    operationId: "deleteApiKey",
    summary: "Revoke an API key",
    tag: "API keys",
    auth: "required",
    pathParams: apiKeyParamsSchema,
    responses: { 204: { description: "Revoked." } },
  },
];
