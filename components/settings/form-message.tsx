import type { FormState } from "@/lib/http/form-state";

/**
 * What a form says above its button: the server's refusal when no field explains it, or a notice
 * after success. In a polite live region, so screen readers hear it without losing their place.
 */
export function FormMessage({ id, state, notice }: { id: string; state: FormState<unknown>; notice?: string }) {
  const error = state.status === "error" && Object.keys(state.fieldErrors).length === 0 ? state.message : undefined;
  return (
    <div id={id} aria-live="polite">
      {error ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      {!error && notice ? (
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
          {notice}
        </p>
      ) : null}
    </div>
  );
}

/** A refused state's field errors, or none. */
export function fieldErrorsOf(state: FormState<unknown>): Record<string, string> {
  return state.status === "error" ? state.fieldErrors : {};
}
