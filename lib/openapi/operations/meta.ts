import { z } from "zod";
import type { ApiOperation } from "../types";

// /api/health answers its own shape, not the error body, even when down: monitors rely on it.
const healthSchema = z.object({
  status: z.enum(["ok", "error"]),
  database: z.enum(["ok", "down"]),
  auth: z.enum(["builtin", "supabase"]).optional(),
  model: z.string().optional().meta({ description: '"offline" or "<provider>:<model>".' }),
});

export const metaOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "health",
    summary: "Liveness of the app and its database, and the active backends",
    tag: "Meta",
    auth: "none",
    responses: {
      200: { description: "Up.", body: { name: "Health", schema: healthSchema } },
      503: { description: "The database does not answer.", body: { name: "Health", schema: healthSchema } },
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "openapi",
    summary: "This document",
    tag: "Meta",
    auth: "none",
    responses: { 200: { description: "The OpenAPI 3.1 document.", body: z.object({ openapi: z.string() }).loose() } },
  },
];
