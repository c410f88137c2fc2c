"use client";

import { Button as BaseButton } from "@base-ui/react/button";
import { LoaderCircle } from "lucide-react";
import { useId } from "react";
import { type ButtonVariantProps, buttonVariants } from "./button-variants";

export interface ButtonProps extends Omit<BaseButton.Props, "className">, ButtonVariantProps {
  className?: string;
  /**
   * Work is under way (a server action, a request): the button shows a spinner and ignores
   * presses, but keeps keyboard focus, where a plain `disabled` would drop it to the page.
   */
  loading?: boolean;
}

/**
 * A button (Base UI's, so `loading` can keep focus on it). `type` defaults to "button"; say
 * `type="submit"` for a form's submit button. For a link that looks like a button, use ButtonLink.
 */
export function Button({
  variant,
  size,
  loading = false,
  disabled,
  focusableWhenDisabled,
  className,
  children,
  ...props
}: ButtonProps) {
  const labelId = useId();
  // Some screen readers miss text that changes inside a focused button ("Save" -> "Saving…");
  // naming the button by the text's element makes them read the new name.
  const named = props["aria-label"] !== undefined || props["aria-labelledby"] !== undefined;
  return (
    <BaseButton
      {...props}
      aria-labelledby={named ? props["aria-labelledby"] : labelId}
      disabled={disabled || loading}
      focusableWhenDisabled={focusableWhenDisabled || loading}
      className={buttonVariants({ variant, size, className })}
    >
      {loading ? <LoaderCircle aria-hidden className="animate-spin" /> : null}
      <span id={labelId} className="inline-flex min-w-0 items-center gap-2">
        {children}
      </span>
    </BaseButton>
  );
}
