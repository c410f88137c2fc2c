import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control-classes";

/** A multi-line text input that the owner can make taller; label it with Field. */
export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} {...props} className={cn(controlClasses, "block resize-y py-2", className)} />;
}
