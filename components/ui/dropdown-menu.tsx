"use client";

import { Menu } from "@base-ui/react/menu";
import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { listItemClasses, listPopupClasses } from "./popup-classes";

// Base UI's Menu: arrow keys move between items, typing jumps to one, Escape closes and returns
// focus to the trigger, and the trigger says it has a menu (aria-haspopup, aria-expanded).

export const DropdownMenu = Menu.Root;
/** Opens the menu; `render={<Button variant="ghost" />}` to make it one of ours. */
export const DropdownMenuTrigger = Menu.Trigger;
export const DropdownMenuGroup = Menu.Group;

interface DropdownMenuContentProps extends Omit<Menu.Popup.Props, "className"> {
  className?: string;
  side?: Menu.Positioner.Props["side"];
  align?: Menu.Positioner.Props["align"];
}

export function DropdownMenuContent({ side = "bottom", align = "end", className, ...props }: DropdownMenuContentProps) {
  return (
    <Menu.Portal>
      <Menu.Positioner side={side} align={align} sideOffset={6} collisionPadding={8} className="z-50 outline-none">
        <Menu.Popup {...props} className={cn(listPopupClasses, "min-w-48", className)} />
      </Menu.Positioner>
    </Menu.Portal>
  );
}

interface DropdownMenuItemProps extends Omit<Menu.Item.Props, "className"> {
  className?: string;
  /** "destructive" for items that delete or end something. */
  variant?: "default" | "destructive";
}

export function DropdownMenuItem({ variant = "default", className, ...props }: DropdownMenuItemProps) {
  return (
    <Menu.Item
      {...props}
      className={cn(listItemClasses, variant === "destructive" && "text-red-700 dark:text-red-400", className)}
    />
  );
}

/** An item that navigates (an `<a>` through next/link); the menu closes as it goes. */
export function DropdownMenuLinkItem({
  href,
  className,
  ...props
}: Omit<Menu.LinkItem.Props, "className" | "render"> & {
  href: ComponentProps<typeof Link>["href"];
  className?: string;
}) {
  return (
    <Menu.LinkItem {...props} closeOnClick render={<Link href={href} />} className={cn(listItemClasses, className)} />
  );
}

/** Names a DropdownMenuGroup (it must sit inside one). */
export function DropdownMenuLabel({
  className,
  ...props
}: Omit<Menu.GroupLabel.Props, "className"> & { className?: string }) {
  return (
    <Menu.GroupLabel
      {...props}
      className={cn("truncate px-2 py-1.5 text-xs font-medium text-zinc-600 dark:text-zinc-400", className)}
    />
  );
}

export function DropdownMenuSeparator({
  className,
  ...props
}: Omit<Menu.Separator.Props, "className"> & { className?: string }) {
  return <Menu.Separator {...props} className={cn("-mx-1 my-1 h-px bg-zinc-200 dark:bg-zinc-700", className)} />;
}
