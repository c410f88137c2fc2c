import "server-only";
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as an OpenAPI 3.1 schema object (JSON Schema 2020-12, OpenAPI's default dialect).
 * Requests use the "input" side (what a client may send: defaults make keys optional), responses
 * the "output" side (what the server returns: defaults make keys present). Types JSON Schema
 * can't express (custom refinements, transforms' outputs) degrade to `{}` rather than breaking
 * the document; the route still enforces them.
 */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}
