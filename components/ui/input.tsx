import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control-classes";

/** A text input; label it with Field (or aria-label). */
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} {...props} className={cn(controlClasses, "h-10 sm:h-9", className)} />;
}
