"use client";

import { Switch as BaseSwitch } from "@base-ui/react/switch";
import { cn } from "./cn";

type SwitchProps = Omit<BaseSwitch.Root.Props, "className" | "render" | "nativeButton"> & { className?: string };

/**
 * An on/off setting (Base UI's Switch, role="switch"). It is a native button, so Field's label
 * names it through `id`; with `name` it submits "on" (or `value`) like a checkbox.
 */
export function Switch({ className, ...props }: SwitchProps) {
  return (
    <BaseSwitch.Root
      {...props}
      nativeButton
      render={<button type="button" />}
      className={cn(
        "inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full border-2 border-transparent bg-zinc-500",
        "transition-colors data-checked:bg-indigo-600 data-disabled:cursor-not-allowed data-disabled:opacity-60",
        "aria-invalid:ring-2 aria-invalid:ring-red-600 motion-reduce:transition-none",
        className,
      )}
    >
      <BaseSwitch.Thumb className="size-5 rounded-full bg-white shadow transition-transform data-checked:translate-x-5 motion-reduce:transition-none" />
    </BaseSwitch.Root>
  );
}
