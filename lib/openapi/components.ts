import "server-only";
import type { z } from "zod";
import type { NamedSchema } from "@/lib/api/endpoint";
import { type JsonSchema, toJsonSchema } from "./json-schema";

/**
 * components.schemas, filled as operations name their schemas. A name stands for one zod schema
 * seen from one side (request or response); reusing it for another is a mistake in an operation
 * list, reported when the document is built (and so by the OpenAPI test).
 */
export class SchemaComponents {
  private readonly entries = new Map<string, { schema: z.ZodType; io: "input" | "output"; json: JsonSchema }>();

  /** A $ref to the named schema, or the schema inline when it has no name. */
  use(schema: NamedSchema | z.ZodType, io: "input" | "output"): JsonSchema {
    if (!isNamed(schema)) return toJsonSchema(schema, io);
    const existing = this.entries.get(schema.name);
    if (existing && (existing.schema !== schema.schema || existing.io !== io)) {
      throw new Error(`OpenAPI: schema name "${schema.name}" is used for two different schemas`);
    }
    if (!existing) this.entries.set(schema.name, { schema: schema.schema, io, json: toJsonSchema(schema.schema, io) });
    return { $ref: `#/components/schemas/${schema.name}` };
  }

  toJSON(): Record<string, JsonSchema> {
    const sorted = [...this.entries.entries()].sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(sorted.map(([name, entry]) => [name, entry.json]));
  }
}

function isNamed(schema: NamedSchema | z.ZodType): schema is NamedSchema {
  return "name" in schema && "schema" in schema && typeof schema.name === "string";
}
