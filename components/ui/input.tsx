import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control-classes";
import { Field } from "./field";

/** A text input; label it with Field (or aria-label). */
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} {...props} className={cn(controlClasses, "h-10 sm:h-9", className)} />;
}

interface InputFieldProps extends Omit<ComponentProps<"input">, "id"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** The common case of a Field: a labelled Input with its hint and error, in one element. */
export function InputField({ label, hint, error, ...input }: InputFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <Input {...control} {...input} />}
    </Field>
  );
}
