import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Caller } from "@/lib/auth";
import { callerFrom } from "@/lib/auth/caller";
import type { CookieJar } from "@/lib/auth/cookies";
import { assertScopeAllows } from "@/lib/auth/scopes";
import { ApiError, errorResponseBody, validationFailed } from "@/lib/errors";
import { assertSameOrigin } from "./csrf";
import type { FormState } from "./form-state";
import { currentCookieJar, currentHeaders } from "./request-facts";
import { rejectUnstorableText } from "./storable-text";

export type ActionAuth = "required" | "none";

export interface ActionOptions<Schema extends z.ZodType, Auth extends ActionAuth> {
  /** A stable name, unique across the app (lib/server-actions.ts lists every action under it). */
  name: string;
  /** "required": refused without a signed-in owner; "none": anyone (sign-in, sign-up). */
  auth: Auth;
  /** The same schema the API parses the equivalent request with. */
  schema: Schema;
  /** Fields never echoed back to the form (passwords). */
  redact?: readonly string[];
  /** Form fields that carry an uploaded file (a File reaches the schema); other files are dropped. */
  files?: readonly string[];
}

/** What a handler gets: the parsed input, who is calling, and the request's headers and cookies. */
export interface ActionContext<Input, Auth extends ActionAuth> {
  input: Input;
  caller: Auth extends "required" ? Caller : Caller | null;
  headers: Headers;
  jar: CookieJar;
}

/** A form's submission (FormData) or the object a client component passes. */
export type ActionInput = FormData | Record<string, unknown>;

interface ActionIdentity {
  /** Read by the registry's tests: which action this is and how it authenticates. */
  readonly options: { name: string; auth: ActionAuth };
}

export type ServerAction<Data> = ((previous: FormState<Data>, input: ActionInput) => Promise<FormState<Data>>) &
  ActionIdentity;

/** Any action, whatever its data: what the registry holds. */
export type RegisteredAction = ((previous: never, input: ActionInput) => Promise<unknown>) & ActionIdentity;

/**
 * The wrapper every server action goes through, as route() is for API routes: who is calling,
 * the same-origin check, zod parsing with the API's schemas, rejection of text PostgreSQL cannot store (NUL, lone surrogates), and every refusal
 * mapped into the form's state with field errors. Headers and cookies come through the request
 * facts module, so tests can call an action directly (runWithRequestForTests). A redirect() or
 * notFound() inside the handler still reaches Next.
 */
export function action<Schema extends z.ZodType, Auth extends ActionAuth, Data>(
  options: ActionOptions<Schema, Auth>,
  handler: (context: ActionContext<z.output<Schema>, Auth>) => Promise<Data>,
): ServerAction<Data> {
  const run = async (_previous: FormState<Data>, submitted: ActionInput): Promise<FormState<Data>> => {
    const raw = submitted instanceof FormData ? formObject(submitted, options.files ?? []) : submitted;
    try {
      const headers = await currentHeaders();
      const jar = await currentCookieJar();
      assertSameOrigin(headers, undefined, { required: true });
      const caller = await callerFrom(jar, headers);
      if (options.auth === "required" && !caller) {
        throw new ApiError("unauthorized", "Your session has ended. Sign in again to continue.");
      }
      // The dashboard sends its cookie, but callerFrom honours a Bearer header too: an action is
      // a POST, so a read key reaches none of them.
      if (caller) assertScopeAllows(caller, "write");
      rejectUnstorableText(raw);
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) throw validationFailed(parsed.error);
      const data = await handler({
        input: parsed.data,
        caller: caller as ActionContext<z.output<Schema>, Auth>["caller"],
        headers,
        jar,
      });
      return { status: "success", data };
    } catch (error) {
      unstable_rethrow(error);
      return refusal(error, echo(raw, options.redact ?? []));
    }
  };
  return Object.assign(run, { options: { name: options.name, auth: options.auth } });
}

/** Repeated names become arrays (checkbox groups, lists); files only in the fields an action declares. */
function formObject(form: FormData, files: readonly string[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    if (files.includes(key)) {
      const file = form.get(key);
      if (file instanceof File) object[key] = file;
      continue;
    }
    const values = form.getAll(key).filter((value) => typeof value === "string");
    object[key] = values.length === 1 ? values[0] : values;
  }
  return object;
}

function echo(raw: Record<string, unknown>, redact: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && !redact.includes(key)) values[key] = value;
  }
  return values;
}

function refusal(error: unknown, values: Record<string, string>): FormState<never> {
  const { error: body } = errorResponseBody(error);
  const fields: Record<string, string> = {};
  for (const detail of body.details ?? []) fields[detail.path] ??= detail.message;
  return { status: "error", code: body.code, message: body.message, fieldErrors: fields, values };
}
