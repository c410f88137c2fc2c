import { cn } from "./cn";

// Plain strings, no "use client": server components style links as buttons with these too.

const base =
  "inline-flex shrink-0 items-center justify-center gap-2 rounded-md font-medium whitespace-nowrap transition-colors select-none " +
  "disabled:cursor-not-allowed disabled:opacity-60 data-disabled:cursor-not-allowed data-disabled:opacity-60 " +
  "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4";

const variants = {
  primary: "bg-indigo-600 text-white shadow-xs hover:bg-indigo-500 active:bg-indigo-700",
  secondary:
    "border border-zinc-300 bg-white text-zinc-900 shadow-xs hover:bg-zinc-50 active:bg-zinc-100 " +
    "dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:active:bg-zinc-700",
  ghost:
    "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 active:bg-zinc-200 " +
    "dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:active:bg-zinc-700",
  destructive: "bg-red-600 text-white shadow-xs hover:bg-red-700 active:bg-red-800",
  link: "text-indigo-600 underline underline-offset-4 hover:decoration-2 dark:text-indigo-400",
} as const;

const sizes = {
  sm: "h-8 px-3 text-sm",
  md: "h-9 px-4 text-sm",
  lg: "h-11 px-5 text-base",
  icon: "size-9",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

export interface ButtonVariantProps {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** The classes of a button of this variant and size, with the caller's className last. */
export function buttonVariants({
  variant = "primary",
  size = "md",
  className,
}: ButtonVariantProps & { className?: string } = {}): string {
  // A link button sits in running text: the size's height and padding would misalign it.
  return cn(base, variant === "link" ? "text-sm" : sizes[size], variants[variant], className);
}
