import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";

const healthSchema = z.object({
  status: z.enum(["ok", "error"]),
  database: z.enum(["ok", "down"]),
  auth: z.enum(["builtin", "supabase"]).optional(),
  model: z.string().optional().meta({ description: '"offline" or "<provider>:<model>".' }),
});
const Health = { name: "Health", schema: healthSchema };
const NO_STORE = { "Cache-Control": { description: "no-store", schema: { type: "string" as const } } };

export const healthEndpoint = endpoint({
  method: "get",
  path: "/api/health",
  operationId: "health",
  summary: "Liveness of the app and its database, and the active backends",
  description: "Answers its own shape, never the error body, also when the database is down: monitors rely on it.",
  tag: "Meta",
  auth: "none",
  responses: {
    200: { description: "Up.", body: Health, headers: NO_STORE },
    503: { description: "The database does not answer.", body: Health, headers: NO_STORE },
  },
});

export const openapiEndpoint = endpoint({
  method: "get",
  path: "/api/openapi.json",
  operationId: "openapi",
  summary: "This document",
  tag: "Meta",
  auth: "none",
  responses: { 200: { description: "The OpenAPI 3.1 document.", body: z.object({ openapi: z.string() }).loose() } },
});
