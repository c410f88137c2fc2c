import type { ErrorCode } from "@/lib/errors";

// What a server action built with action() answers its form: shared by the server and the
// browser, so nothing server-only (and no zod) here.

export type FormState<Data = null> =
  | { status: "idle" }
  | { status: "success"; data: Data }
  | {
      status: "error";
      code: ErrorCode;
      /** Meant for people: shown above the form when no field explains the problem. */
      message: string;
      /** One message per field, by its dotted path ("configuration.tone"), as the zod schemas word them. */
      fieldErrors: Record<string, string>;
      /** What was submitted (never a redacted field such as a password), to refill the form. */
      values: Record<string, string>;
    };

export const idleFormState = { status: "idle" } as const satisfies FormState<never>;
