import { twMerge } from "tailwind-merge";

/**
 * Joins class names, dropping falsy ones, and lets a later Tailwind class win over an earlier one
 * of the same property. Primitives put their own classes first and the caller's className last,
 * so `<Card className="p-0">` really removes the padding: in Tailwind 4 two utilities of one
 * property are ordered by the stylesheet, not by the class attribute, so plain joining would let
 * the primitive's `p-6` win or lose by accident.
 */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return twMerge(...classes);
}
