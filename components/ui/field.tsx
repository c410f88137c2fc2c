import { type ReactNode, useId } from "react";
import { cn } from "./cn";

/** What a Field hands its control: spread it onto the Input, Textarea, Select or Switch. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

interface FieldProps {
  label: ReactNode;
  /** Help shown under the control (and read with it). */
  hint?: ReactNode;
  /** The message of what is wrong with the value; marks the control invalid. */
  error?: string;
  /** The control's id, when something else must point at it; generated otherwise. */
  id?: string;
  /** "inline" puts the control beside its label (switches, short settings). */
  layout?: "stacked" | "inline";
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A label, a control, a hint and an inline error, wired together: the label names the control,
 * and aria-describedby reads the hint and the error with it. Built from plain ids during render
 * (no effects, no client code), so the server's HTML is already complete: a form that posts
 * without JavaScript comes back with its errors announced the same way.
 *
 *   <Field label="Email" error={errors.email}>{(control) => <Input {...control} name="email" />}</Field>
 */
export function Field({ label, hint, error, id, layout = "stacked", className, children }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? `field-${generatedId}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control = children({
    id: controlId,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
  });
  const labelElement = (
    <label htmlFor={controlId} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
      {label}
    </label>
  );
  const notes = (
    <>
      {hint ? (
        <p id={hintId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </>
  );

  if (layout === "inline") {
    return (
      <div className={cn("flex items-start justify-between gap-4", className)}>
        <div className="grid gap-1">
          {labelElement}
          {notes}
        </div>
        <div className="shrink-0 pt-0.5">{control}</div>
      </div>
    );
  }
  return (
    <div className={cn("grid gap-1.5", className)}>
      {labelElement}
      {control}
      {notes}
    </div>
  );
}
