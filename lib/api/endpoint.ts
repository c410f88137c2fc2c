import type { z } from "zod";
import type { CookieToSet } from "@/lib/auth/cookies";
import type { ApiKeyScope } from "@/lib/constants";
import type { ErrorCode } from "@/lib/errors";
import { idParamsSchema } from "@/lib/validation/common";

// An API endpoint is declared once, here-shaped, in lib/api/endpoints/: route() enforces the
// declaration (who may call, how params, query and body parse) and the OpenAPI document is
// generated from the same object, so the two cannot drift apart.

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Who may call: "required" answers 401 without credentials; "optional" works either way; "none" is public. */
export type AuthMode = "required" | "optional" | "none";

/** A schema that becomes a named entry in components.schemas (and a $ref where used). */
export interface NamedSchema<Schema extends z.ZodType = z.ZodType> {
  name: string;
  schema: Schema;
}

export type ResponseBody = NamedSchema | z.ZodType | { arrayOf: NamedSchema };

/**
 * A request body: JSON (at most 64 KB), or with `multipart` a multipart/form-data form of at most
 * maxBytes whose files reach the schema as File objects (z.file()).
 */
export type RequestBody = NamedSchema & { multipart?: { maxBytes: number } };

export interface ResponseSpec {
  description: string;
  /** JSON body; omitted for bodiless responses (204). */
  body?: ResponseBody;
  /**
   * Another content type the same status may answer with (text/event-stream, text/csv), without a
   * schema; application/json here means the declared body is streamed (the handler answers a Response).
   */
  contentType?: string;
  headers?: Record<string, { description: string; schema: { type: "string" | "integer" } }>;
}

/**
 * One path + method of the API. The standard error responses (400 for a body or query, 401 for
 * auth, 404 for path params, 413 for bodies) are added to the document by the generator;
 * `errors` lists the others the route can answer.
 */
export interface Endpoint {
  method: HttpMethod;
  /** OpenAPI style: /api/chatbots/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth: AuthMode;
  /**
   * Read from the path, never declared: `{id}` in it is a uuid (idParamsSchema). A path segment
   * that fails its schema is a resource that does not exist: 404, never 400.
   */
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: RequestBody;
  responses: Record<number, ResponseSpec>;
  errors?: ErrorCode[];
  /**
   * The API key scope it needs when its method says otherwise (a GET needs `read`, anything else
   * `write`): the owner's MCP server is a POST any key may call, since each tool it runs is held
   * to the key's scope as its own operation.
   */
  keyScope?: ApiKeyScope;
}

type RouteLine = `${Uppercase<HttpMethod>} /api${string}`;
type MethodOf<R> = R extends `${infer M} ${string}` ? Lowercase<M> : never;
type PathOf<R> = R extends `${string} ${infer P}` ? P : never;
type Details = Omit<Endpoint, "method" | "path" | "operationId" | "tag" | "auth" | "params"> & { auth?: AuthMode };
/** The path's parameters, as the path names them: every one of ours is a row's `{id}`. */
type ParamsOf<P> = P extends `${string}{id}${string}` ? { params: typeof idParamsSchema } : Record<never, never>;

/**
 * The endpoints of one feature, sharing a tag (and an auth mode unless one says otherwise):
 * `const chatbots = endpoints({ tag: "Chatbots", auth: "required" })`, then
 * `chatbots("GET /api/chatbots/{id}", "getChatbot", { summary, responses })`. Literal
 * types are kept, so route() can type its handler from the declaration.
 */
export function endpoints<const Group extends { tag: string; auth: AuthMode }>(group: Group) {
  return <const R extends RouteLine, const D extends Details>(route: R, operationId: string, details: D) => {
    const space = route.indexOf(" ");
    const method = route.slice(0, space).toLowerCase() as MethodOf<R>;
    const path = route.slice(space + 1) as PathOf<R>;
    // A spread of two generic objects is typed as their intersection; the details override the group.
    const declaration: Omit<Group, keyof D> & D = { ...group, ...details };
    const params = (path.includes("{id}") ? { params: idParamsSchema } : {}) as ParamsOf<PathOf<R>>;
    return { ...declaration, ...params, operationId, method, path };
  };
}

type BodyOf<Body> = Body extends { arrayOf: NamedSchema<infer S> }
  ? z.output<S>[]
  : Body extends NamedSchema<infer S>
    ? z.output<S>
    : Body extends z.ZodType
      ? z.output<Body>
      : never;

type ReplyFor<Status, Spec> = Spec extends { body: infer Body }
  ? { status: Status; body: BodyOf<Body>; headers?: Record<string, string>; cookies?: CookieToSet[] }
  : { status: Status; headers?: Record<string, string>; cookies?: CookieToSet[] };

type DeclaresOtherContent<Responses> = {
  [Status in keyof Responses]: Responses[Status] extends { contentType: string } ? true : never;
}[keyof Responses];

/**
 * What a handler may answer: one of the declared statuses with a body of its declared type
 * (checked by TypeScript, never parsed at run time), or a ready Response where the endpoint
 * declares a non-JSON content type (a stream, a file).
 */
export type Reply<E extends Endpoint> =
  | { [Status in keyof E["responses"] & number]: ReplyFor<Status, E["responses"][Status]> }[keyof E["responses"] &
      number]
  | (true extends DeclaresOtherContent<E["responses"]> ? Response : never);

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

/** What route() hands a handler: the parsed inputs, typed from the declaration. */
export interface EndpointInput<E extends Endpoint, TCaller> {
  request: Request;
  caller: TCaller;
  params: Parsed<E["params"]>;
  query: Parsed<E["query"]>;
  body: E["body"] extends NamedSchema<infer S> ? z.output<S> : undefined;
}
