import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
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

interface StatusFormProps extends Omit<ComponentProps<"form">, "aria-describedby" | "children"> {
  /** Names its status line, `<name>-status`, which describes the form. */
  name: string;
  state: FormState<unknown>;
  pending: boolean;
  notice?: string;
  submitLabel: ReactNode;
  /** The sign-in pages' large, full-width button (else it keeps its own width). */
  wide?: boolean;
  /** The fields, above the status line and the button. */
  children?: ReactNode;
  /** What follows the button (a link to another page). */
  after?: ReactNode;
}

/** A form of fields, then what the server said (FormMessage), then its submit button. */
export function StatusForm({
  name,
  state,
  pending,
  notice,
  submitLabel,
  wide,
  children,
  after,
  className,
  ...form
}: StatusFormProps) {
  const id = `${name}-status`;
  return (
    <form noValidate {...form} className={cn("grid", wide ? "gap-5" : "gap-4", className)} aria-describedby={id}>
      {children}
      <FormMessage id={id} state={state} notice={notice} />
      <Button
        type="submit"
        loading={pending}
        size={wide ? "lg" : undefined}
        className={wide ? "w-full" : "justify-self-start"}
      >
        {submitLabel}
      </Button>
      {after}
    </form>
  );
}
