import "server-only";
import type { z } from "zod";
import type { Endpoint, EndpointInput, Reply } from "@/lib/api/endpoint";
import type { Caller } from "@/lib/auth";
import { callerFrom } from "@/lib/auth/caller";
import { type CookieToSet, requestCookieJar, serializeCookie } from "@/lib/auth/cookies";
import { assertScopeAllows, scopeNeeded } from "@/lib/auth/scopes";
import { ApiError, errorResponse, validationFailed } from "@/lib/errors";
import { assertSameOrigin } from "./csrf";
import { readFormBody } from "./read-form";
import { readJsonBody } from "./read-json";
import { rejectUnstorableText } from "./storable-text";

type SegmentContext = { params: Promise<Record<string, string | string[]>> };

type CallerFor<E extends Endpoint> = E["auth"] extends "required" ? Caller : Caller | null;

/** A route handler as Next calls it, carrying the declaration it serves (the OpenAPI test reads it). */
export type RouteHandler<E extends Endpoint> = ((request: Request, segment?: SegmentContext) => Promise<Response>) & {
  endpoint: E;
};

type Handler<E extends Endpoint> = (input: EndpointInput<E, CallerFor<E>>) => Promise<Reply<E>>;

const MUTATIONS = new Set(["post", "put", "patch", "delete"]);

/**
 * The one wrapper every API route goes through, driven by the endpoint's declaration: it
 * authenticates the caller, holds an API key to its scope, checks the origin of
 * cookie-authenticated mutations, parses params, query and body with the declared schemas, turns
 * the handler's reply into the response, and maps whatever is thrown to the JSON error body. The
 * handler is left with its business logic.
 *
 * Curried, `route(declaration)(handler)`, so the declaration is fixed before the handler is
 * checked against it: TypeScript then keeps a reply's literal status and body types.
 */
export function route<const E extends Endpoint>(declaration: E): (handler: Handler<E>) => RouteHandler<E> {
  return (handler) => serveEndpoint(declaration, handler);
}

function serveEndpoint<E extends Endpoint>(declaration: E, handler: Handler<E>): RouteHandler<E> {
  const serve = async (request: Request, segment?: SegmentContext): Promise<Response> => {
    // proxy.ts skips the API unless a built-in session cookie came along, so a Supabase session
    // refreshed here is written back here, on whatever response follows (its refresh token is
    // spent: losing the new one would sign the browser out).
    const jar = requestCookieJar(request);
    const withRefreshedCookies = (response: Response) => {
      for (const cookie of jar.pending) response.headers.append("Set-Cookie", serializeCookie(cookie));
      return response;
    };
    try {
      const caller = declaration.auth === "none" ? null : await callerFrom(jar, request.headers);
      if (declaration.auth === "required" && !caller) throw new ApiError("unauthorized");
      // Before anything is parsed or run: a read key learns nothing from a write it may not make.
      if (caller) assertScopeAllows(caller, scopeNeeded(declaration));
      if (caller?.via === "session" && MUTATIONS.has(declaration.method))
        assertSameOrigin(request.headers, request.url, { required: true });
      const params = declaration.params
        ? parseOr404(declaration.params, segment ? await segment.params : {})
        : undefined;
      const query = declaration.query ? parse(declaration.query, readQuery(request)) : undefined;
      const body = declaration.body
        ? parse(
            declaration.body.schema,
            declaration.body.multipart
              ? await readFormBody(request, declaration.body.multipart.maxBytes)
              : await readJsonBody(request),
          )
        : undefined;
      const reply = await handler({ request, caller, params, query, body } as EndpointInput<E, CallerFor<E>>);
      const response = reply instanceof Response ? reply : toResponse(reply);
      if (caller || !isPublic(response)) keepPrivate(response);
      return withRefreshedCookies(response);
    } catch (error) {
      return withRefreshedCookies(keepPrivate(errorResponse(error)));
    }
  };
  return Object.assign(serve, { endpoint: declaration });
}

/**
 * What a caller's credentials or a visitor's cookie unlock is theirs alone: no shared cache may
 * keep it, and a cache that does keep a response must tell callers apart by what they sent. So
 * every API response is private, errors included, unless a handler answering no caller declares
 * itself public (the OpenAPI document).
 */
function keepPrivate(response: Response): Response {
  response.headers.set("Cache-Control", "private, no-store");
  response.headers.append("Vary", "Cookie, Authorization");
  return response;
}

const isPublic = (response: Response) => response.headers.get("Cache-Control")?.startsWith("public") ?? false;

function toResponse(reply: {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  cookies?: CookieToSet[];
}): Response {
  const response =
    "body" in reply
      ? Response.json(reply.body, { status: reply.status, headers: reply.headers })
      : new Response(null, { status: reply.status, headers: reply.headers });
  for (const cookie of reply.cookies ?? []) response.headers.append("Set-Cookie", serializeCookie(cookie));
  return response;
}

/** The query string as one value per name; %00 is refused like a NUL in a body. */
function readQuery(request: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  rejectUnstorableText(query);
  return query;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(result.error);
  return result.data;
}

function parseOr404<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError("not_found");
  return result.data;
}
