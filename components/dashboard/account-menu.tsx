"use client";

import { ChevronsUpDown, LogOut, MonitorOff, Settings, UserRound } from "lucide-react";
import { useActionState, useRef } from "react";
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

interface AccountMenuProps {
  email: string;
  /** Only an icon on the button (the phone's top bar); the sidebar shows the email too. */
  compact?: boolean;
}

/**
 * The owner's email and the ways out. Signing out submits a form to the sign-out server action;
 * the menu item only asks that form to submit, so the action's same-origin check still applies.
 */
export function AccountMenu({ email, compact = false }: AccountMenuProps) {
  const signOut = useRef<HTMLFormElement>(null);
  const signOutEverywhere = useRef<HTMLFormElement>(null);
  const [, signOutFormAction] = useActionState(signOutAction, idleFormState);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          render={
            <Button
              variant="ghost"
              size={compact ? "icon" : "md"}
              aria-label={`Account: ${email}`}
              className={compact ? undefined : "h-11 w-full justify-start px-2"}
            />
          }
        >
          {/* An icon, not the email's initial: a visible letter missing from the button's name would
              trip speech users who say what they see ("click S"). */}
          <span
            aria-hidden
            className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-white"
          >
            <UserRound className="size-4" />
          </span>
          {compact ? null : (
            <>
              <span className="min-w-0 flex-1 truncate text-left">{email}</span>
              <ChevronsUpDown aria-hidden className="text-zinc-500" />
            </>
          )}
        </DropdownMenuTrigger>
        <DropdownMenuContent side={compact ? "bottom" : "top"} align={compact ? "end" : "start"}>
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
