import "server-only";
import { buildOpenApiDocument } from "./document";
import type { JsonSchema } from "./json-schema";
import { operations } from "./operations";

export type { ApiOperation } from "./types";

let cached: JsonSchema | undefined;

/** The API's OpenAPI document, built once per process (the schemas don't change while it runs). */
export function openApiDocument(): JsonSchema {
  cached ??= buildOpenApiDocument(operations, "1.0.0");
  return cached;
}
