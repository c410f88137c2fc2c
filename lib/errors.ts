import { z } from "zod";

/** The closed set of API error codes and the status each one answers with. */
export const errorStatus = {
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  reauthentication_required: 403,
  session_required: 403,
  insufficient_scope: 403,
  request_timeout: 408,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  model_error: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  /** Dotted path of the field, e.g. "configuration.rate_limit.max_messages"; "" for the body itself. */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: FieldError[] };
}

const defaultMessages: Record<ErrorCode, string> = {
  invalid_json: "The request body is not valid JSON.",
  validation_failed: "The request is invalid.",
  unauthorized: "Authentication is required.",
  forbidden: "You are not allowed to do this.",
  reauthentication_required: "Confirm your password to continue.",
  session_required:
    "Only a browser session signed in on the dashboard may do this; an API key or access token may not.",
  insufficient_scope: "This API key may only read: this operation needs a key with the write scope.",
  request_timeout: "The request body took too long to arrive.",
  not_found: "Not found.",
  conflict: "This conflicts with existing data.",
  payload_too_large: "The request body is too large.",
  unsupported_media_type: "Send the body as JSON, with Content-Type: application/json.",
  unprocessable: "The content could not be read.",
  rate_limited: "Too many requests. Try again later.",
  internal: "Something went wrong on our side.",
  model_error: "The assistant could not answer right now. Please try again.",
  unavailable: "The service is unavailable right now.",
};

export class ApiError extends Error {
  override name = "ApiError";
  readonly code: ErrorCode;
  readonly details?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message = defaultMessages[code],
    options: { details?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/**
 * The API's JSON error body. Responses carry it, and so does a streamed answer's error part (as
 * its errorText), so a client reads the code the same way wherever the error reached it.
 */
export function errorBody(code: ErrorCode, message = defaultMessages[code], details?: FieldError[]): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export function validationFailed(error: z.ZodError): ApiError {
  const details = fieldErrors(error);
  const first = details[0];
  const message = first ? `${first.path || "body"}: ${first.message}` : defaultMessages.validation_failed;
  return new ApiError("validation_failed", message, { details });
}

const unauthorizedHeaders = { "WWW-Authenticate": 'Bearer realm="chatfolio"' };

/**
 * SQLSTATEs that mean "the client sent a value PostgreSQL cannot store or read" (a character the
 * encoding lacks, an impossible date, a bad time zone) rather than a fault of ours. Input checks
 * should catch these first; this keeps one that slips through a 400, never a 500.
 */
const INVALID_VALUE_STATES = new Set([
  "22021", // character_not_in_repertoire (a NUL in text)
  "22P05", // untranslatable_character (a \u0000 in jsonb)
  "22007", // invalid_datetime_format
  "22008", // datetime_field_overflow
  "22009", // invalid_time_zone_displacement_value
]);

/** Node's socket errors: the database's address refuses, resets or does not answer. */
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);

// node-postgres reports a lost or unobtainable connection with these messages and no code.
const CONNECTION_ERROR_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)/;

/**
 * Whether the database is out of reach (down, restarting, refusing connections) rather than the
 * request being wrong: such a request gets 503 and may be retried, never a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = sqlState(error);
  // Class 08: connection exceptions; 57P01-57P03: the server shutting down or starting; 53300:
  // too many connections.
  if (code && (code.startsWith("08") || /^57P0[123]$/.test(code) || code === "53300")) return true;
  if (code && CONNECTION_ERROR_CODES.has(code)) return true;
  return error instanceof Error && CONNECTION_ERROR_MESSAGE.test(error.message);
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof z.ZodError) return validationFailed(error);
  if (isDatabaseUnavailable(error)) {
    console.error("[api] database unavailable:", error instanceof Error ? error.message : error);
    return new ApiError("unavailable", "The service is unavailable right now; try again shortly.", {
      cause: error,
      headers: { "Retry-After": "5" },
    });
  }
  const state = sqlState(error);
  if (state && INVALID_VALUE_STATES.has(state)) {
    // The database's own message names internals (types, encodings); the client gets ours.
    return new ApiError("validation_failed", "The request contains a value that cannot be stored.", {
      cause: error,
    });
  }
  return new ApiError("internal", defaultMessages.internal, { cause: error });
}

/**
 * Anything thrown by a handler as the API's JSON error body, with its status and headers. Known
 * errors keep their status; a value the database refuses is a 400; anything else is a generic 500
 * whose cause is logged, never sent.
 */
export function errorResponseBody(error: unknown): ErrorBody & { status: number; headers: Record<string, string> } {
  const apiError = toApiError(error);
  if (apiError.code === "internal") {
    console.error("[api] unhandled error:", apiError.cause ?? apiError);
  }
  return {
    ...errorBody(apiError.code, apiError.message, apiError.details),
    status: apiError.status,
    headers: { ...(apiError.code === "unauthorized" ? unauthorizedHeaders : {}), ...apiError.headers },
  };
}

/** Anything thrown by a route handler, as the response carrying the JSON error body. */
export function errorResponse(error: unknown): Response {
  const { error: body, status, headers } = errorResponseBody(error);
  return Response.json({ error: body } satisfies ErrorBody, { status, headers });
}

/** Postgres SQLSTATE of a driver error, whichever driver raised it. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
