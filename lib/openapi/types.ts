import type { z } from "zod";
import type { ErrorCode } from "@/lib/errors";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** A schema that becomes a named entry in components.schemas (and a $ref where used). */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
}

export interface ApiResponse {
  description: string;
  /** JSON body; omitted for bodiless responses (204). */
  body?: NamedSchema | z.ZodType | { arrayOf: NamedSchema };
  /** Another content type the same status may answer with (e.g. text/event-stream when streaming), without a schema. */
  contentType?: string;
  headers?: Record<string, { description: string; schema: { type: "string" | "integer" } }>;
}

/**
 * One path + method of the API, described from the same zod schemas the route parses with.
 * The standard error responses (400 for a body or query, 401 for auth, 404 for path params,
 * 413 for bodies) are added by the generator; `errors` lists the others the route can answer.
 */
export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI style: /api/chatbots/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** "required": 401 without credentials; "optional": works either way; "none": public. */
  auth: "required" | "optional" | "none";
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  body?: NamedSchema;
  responses: Record<number, ApiResponse>;
  errors?: ErrorCode[];
}
