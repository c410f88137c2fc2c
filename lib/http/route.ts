import "server-only";
import type { z } from "zod";
import { type Caller, getCaller } from "@/lib/auth";
import { ApiError, errorResponse, validationFailed } from "@/lib/errors";
import { assertSameOrigin } from "./csrf";
import { rejectNul } from "./nul";
import { readJsonBody } from "./read-json";

type AuthMode = "required" | "optional" | "none";

interface RouteOptions<TBody, TQuery, TParams, TAuth extends AuthMode> {
  /** Who may call: "required" answers 401 without credentials. Defaults to "required". */
  auth?: TAuth;
  body?: z.ZodType<TBody>;
  query?: z.ZodType<TQuery>;
  /** A path segment that fails its schema is a resource that does not exist: 404, never 400. */
  params?: z.ZodType<TParams>;
}

export interface RouteContext<TBody, TQuery, TParams, TAuth extends AuthMode> {
  request: Request;
  caller: TAuth extends "required" ? Caller : Caller | null;
  body: TBody;
  query: TQuery;
  params: TParams;
}

type SegmentContext = { params: Promise<Record<string, string | string[]>> };

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one wrapper every API route goes through: it authenticates the caller, checks the origin of
 * cookie-authenticated mutations, parses params, query and body with their zod schemas, and maps
 * whatever is thrown to the JSON error body. The handler is left with its business logic.
 */
export function route<TBody = undefined, TQuery = undefined, TParams = undefined, TAuth extends AuthMode = "required">(
  options: RouteOptions<TBody, TQuery, TParams, TAuth>,
  handler: (context: RouteContext<TBody, TQuery, TParams, TAuth>) => Promise<Response>,
) {
  const mode: AuthMode = options.auth ?? "required";
  return async (request: Request, segment?: SegmentContext): Promise<Response> => {
    try {
      const caller = mode === "none" ? null : await getCaller(request);
      if (mode === "required" && !caller) throw new ApiError("unauthorized");
      if (caller?.via === "session" && MUTATIONS.has(request.method)) assertSameOrigin(request);
      const params = options.params
        ? parseOr404(options.params, segment ? await segment.params : {})
        : (undefined as TParams);

      const query = options.query ? parse(options.query, readQuery(request)) : (undefined as TQuery);
      const body = options.body ? parse(options.body, await readJsonBody(request)) : (undefined as TBody);

      return await handler({
        request,
        caller: caller as RouteContext<TBody, TQuery, TParams, TAuth>["caller"],
        body,
        query,
        params,
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The query string as one value per name; %00 is refused like a NUL in a body. */
function readQuery(request: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  rejectNul(query);
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

/** JSON response with the given status (200 by default). */
export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}
