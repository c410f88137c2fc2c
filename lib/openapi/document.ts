import "server-only";
import type { Endpoint } from "@/lib/api/endpoint";
import { type ErrorCode, errorStatus } from "@/lib/errors";
import { SchemaComponents } from "./components";
import { errorBodySchema } from "./error-schema";
import type { JsonSchema } from "./json-schema";
import { toJsonSchema } from "./json-schema";

const MUTATIONS = new Set(["post", "put", "patch", "delete"]);

const ERROR_SCHEMA = { name: "Error", schema: errorBodySchema };

const SECURITY_SCHEMES = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "An access token from POST /api/auth/token (or a Supabase Auth access token), as `Authorization: Bearer <token>`.",
  },
  ApiKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "cfk_ API key",
    description:
      "An API key from POST /api/keys, as `Authorization: Bearer cfk_...`. It acts as its owner until revoked; a key with the `read` scope may call only GET operations (anything else is 403 `insufficient_scope`).",
  },
  cookieAuth: {
    type: "apiKey",
    in: "cookie",
    name: "chatfolio_session",
    description:
      "The browser session set by sign-up/sign-in, named `__Host-chatfolio_session` over https (with Supabase Auth, its sb-<project>-auth-token cookie). Mutations with a cookie must come from the app's own origin.",
  },
};

const AUTHENTICATED = [{ bearerAuth: [] }, { ApiKey: [] }, { cookieAuth: [] }];

/** Standard errors each operation can answer with, from what it parses and who may call it. */
function errorCodes(operation: Endpoint): ErrorCode[] {
  const codes = new Set<ErrorCode>(operation.errors ?? []);
  if (operation.auth === "required") codes.add("unauthorized");
  if (operation.auth !== "none" && MUTATIONS.has(operation.method)) {
    codes.add("forbidden");
    codes.add("insufficient_scope");
  }
  if (operation.params) codes.add("not_found");
  if (operation.query) codes.add("validation_failed");
  if (operation.body) {
    if (!operation.body.multipart) codes.add("invalid_json");
    codes.add("validation_failed");
    codes.add("payload_too_large");
    codes.add("unsupported_media_type");
    codes.add("request_timeout");
  }
  return [...codes];
}

function errorResponses(operation: Endpoint, components: SchemaComponents): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodes(operation)) {
    const status = errorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, codes] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: `Error: ${codes.map((code) => `\`${code}\``).join(", ")}.`,
      ...(status === 401 ? { headers: { "WWW-Authenticate": { schema: { type: "string" } } } } : {}),
      ...(status === 429
        ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } }
        : {}),
      content: { "application/json": { schema: components.use(ERROR_SCHEMA, "output") } },
    };
  }
  return responses;
}

function parameters(operation: Endpoint): JsonSchema[] {
  const fromObject = (location: "path" | "query", object: Endpoint["query"]) => {
    if (!object) return [];
    const json = toJsonSchema(object, "input");
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    return Object.entries(properties).map(([name, schema]) => ({
      name,
      in: location,
      required: location === "path" || required.has(name),
      ...(typeof schema.description === "string" ? { description: schema.description } : {}),
      schema,
    }));
  };
  return [...fromObject("path", operation.params), ...fromObject("query", operation.query)];
}

function describeOperation(operation: Endpoint, components: SchemaComponents): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    const body = response.body;
    const content: Record<string, JsonSchema> = {};
    if (body) {
      content["application/json"] = {
        schema:
          "arrayOf" in body
            ? { type: "array", items: components.use(body.arrayOf, "output") }
            : components.use(body, "output"),
      };
    }
    // A JSON body that is streamed (contentType application/json) keeps its schema.
    if (response.contentType) content[response.contentType] ??= {};
    responses[status] = {
      description: response.description,
      ...(response.headers ? { headers: response.headers } : {}),
      ...(Object.keys(content).length > 0 ? { content } : {}),
    };
  }
  const params = parameters(operation);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    security: operation.auth === "none" ? [] : operation.auth === "optional" ? [...AUTHENTICATED, {}] : AUTHENTICATED,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              [operation.body.multipart ? "multipart/form-data" : "application/json"]: {
                schema: components.use(operation.body, "input"),
              },
            },
          },
        }
      : {}),
    responses: { ...responses, ...errorResponses(operation, components) },
  };
}

/** The OpenAPI 3.1 document for the given operations, every schema generated from zod. */
export interface OpenApiDocument extends JsonSchema {
  openapi: string;
  paths: Record<string, Record<string, JsonSchema>>;
}

export function buildOpenApiDocument(operations: readonly Endpoint[], version: string): OpenApiDocument {
  const components = new SchemaComponents();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    const item = paths[operation.path];
    if (item[operation.method]) throw new Error(`OpenAPI: ${operation.method} ${operation.path} is described twice`);
    item[operation.method] = describeOperation(operation, components);
  }
  const tags = [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "Chatfolio API",
      version,
      description:
        'Manage an owner\'s profile and chatbots. Every error is a JSON body `{"error":{"code","message","details"?}}`; branch on `code`.',
    },
    servers: [{ url: "/" }],
    tags,
    paths,
    components: { schemas: components.toJSON(), securitySchemes: SECURITY_SCHEMES },
  };
}
