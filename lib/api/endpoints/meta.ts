import { z } from "zod";
import { endpoints } from "@/lib/api/endpoint";

const meta = endpoints({ tag: "Meta", auth: "none" });

const healthSchema = z.object({
  status: z.enum(["ok", "error"]),
  database: z.enum(["ok", "down"]),
  auth: z.enum(["builtin", "supabase"]).optional(),
  model: z.string().optional().meta({ description: '"offline" or "<provider>:<model>".' }),
});
const Health = { name: "Health", schema: healthSchema };
const NO_STORE = { "Cache-Control": { description: "private, no-store", schema: { type: "string" as const } } };

export const healthEndpoint = meta("GET /api/health", "health", {
  summary: "Liveness of the app and its database, and the active backends",
  description: "Answers its own shape, never the error body, also when the database is down: monitors rely on it.",
  responses: {
    200: { description: "Up.", body: Health, headers: NO_STORE },
    503: { description: "The database does not answer.", body: Health, headers: NO_STORE },
  },
});

export const openapiEndpoint = meta("GET /api/openapi.json", "openapi", {
  summary: "This document",
  responses: { 200: { description: "The OpenAPI 3.1 document.", body: z.object({ openapi: z.string() }).loose() } },
});
