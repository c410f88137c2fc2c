import Link from "next/link";
import type { ComponentProps } from "react";
import { type ButtonVariantProps, buttonVariants } from "./button-variants";

type ButtonLinkProps = Omit<ComponentProps<typeof Link>, "className"> & ButtonVariantProps & { className?: string };

/** A link that looks like a Button: it navigates, so it stays an `<a>` (with a link's semantics). */
export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <Link {...props} className={buttonVariants({ variant, size, className })} />;
}
