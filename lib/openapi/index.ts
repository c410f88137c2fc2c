import "server-only";
import { endpoints } from "@/lib/api/endpoints";
import { buildOpenApiDocument, type OpenApiDocument } from "./document";

let cached: OpenApiDocument | undefined;

/** The API's OpenAPI document, built once per process (the declarations don't change while it runs). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(endpoints, "1.0.0");
  return cached;
}
