"use client";

import { LogOut, MonitorOff, Settings, UserRound } from "lucide-react";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuLinkItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOutAction } from "@/lib/auth/actions";
import { idleFormState } from "@/lib/http/form-state";
import { AccountButtonFace, type AccountMenuProps, accountButtonProps } from "./account-button";

/**
 * The owner's email and the ways out, loaded by AccountMenu on the first press of its button and
 * so mounted open, with the first item focused as a keyboard press would leave it. Signing out
 * submits a form to the sign-out server action; the menu item only asks that form to submit, so
 * the action's same-origin check still applies.
 */
export default function AccountMenuPopup({ email, compact = false }: AccountMenuProps) {
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() =>
      content.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, []);
  const signOut = useRef<HTMLFormElement>(null);
  const signOutEverywhere = useRef<HTMLFormElement>(null);
  const [, signOutFormAction] = useActionState(signOutAction, idleFormState);
  return (
    <>
      <DropdownMenu defaultOpen>
        <DropdownMenuTrigger render={<Button {...accountButtonProps(email, compact)} />}>
          <AccountButtonFace email={email} compact={compact} />
        </DropdownMenuTrigger>
        <DropdownMenuContent ref={content} side={compact ? "bottom" : "top"} align={compact ? "end" : "start"}>
          <DropdownMenuGroup>
            <DropdownMenuLabel>{email}</DropdownMenuLabel>
            <DropdownMenuLinkItem href="/dashboard/profile">
              <UserRound aria-hidden />
              Profile
            </DropdownMenuLinkItem>
            <DropdownMenuLinkItem href="/dashboard/settings">
              <Settings aria-hidden />
              Settings
            </DropdownMenuLinkItem>
          </DropdownMenuGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onClick={() => signOut.current?.requestSubmit()}>
            <LogOut aria-hidden />
            Sign out
          </DropdownMenuItem>
          <DropdownMenuItem onClick={() => signOutEverywhere.current?.requestSubmit()}>
            <MonitorOff aria-hidden />
            Sign out everywhere
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <form ref={signOut} action={signOutFormAction} hidden />
      <form ref={signOutEverywhere} action={signOutFormAction} hidden>
        <input type="hidden" name="all" value="true" />
      </form>
    </>
  );
}
