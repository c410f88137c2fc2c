import { type ComponentProps, createElement, type JSX } from "react";
import { cn } from "./cn";

/**
 * A plain element with the primitive's classes, merged with any the caller adds: most parts of a
 * card or a table are nothing more, so each is one line instead of a component body.
 */
export function styled<Tag extends keyof JSX.IntrinsicElements>(tag: Tag, base: string) {
  // biome-ignore lint/correctness/noComponentHookFactories: called once per primitive at module load, never while rendering.
  return function Styled({ className, ...props }: ComponentProps<Tag>) {
    return createElement(tag, { ...props, className: cn(base, className) });
  };
}
