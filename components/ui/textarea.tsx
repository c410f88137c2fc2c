import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control-classes";
import { Field } from "./field";

/** A multi-line text input that the owner can make taller; label it with Field. */
export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} {...props} className={cn(controlClasses, "block resize-y py-2", className)} />;
}

interface TextareaFieldProps extends Omit<ComponentProps<"textarea">, "id"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** The common case of a Field: a labelled Textarea with its hint and error, in one element. */
export function TextareaField({ label, hint, error, ...textarea }: TextareaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <Textarea {...control} {...textarea} />}
    </Field>
  );
}
