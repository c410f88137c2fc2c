"use client";

import { ChevronsUpDown, UserRound } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

// The menu's code (Base UI's Menu with Floating UI) loads on the first press of the account
// button: it stays out of every dashboard page's first-load JavaScript.
const AccountMenuPopup = lazy(() => import("./account-menu-popup"));

export interface AccountMenuProps {
  email: string;
  /** Only an icon on the button (the phone's top bar); the sidebar shows the email too. */
  compact?: boolean;
}

/** The account button's look and name, the same before and after the menu's code has loaded. */
export function accountButtonProps(email: string, compact: boolean): ButtonProps {
  return {
    variant: "ghost",
    size: compact ? "icon" : "md",
    "aria-label": `Account: ${email}`,
    className: compact ? undefined : "h-11 w-full justify-start px-2",
  };
}

export function AccountButtonFace({ email, compact }: { email: string; compact: boolean }) {
  return (
    <>
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
    </>
  );
}

/** The owner's email and the ways out (profile, settings, sign out), as a menu. */
export function AccountMenu({ email, compact = false }: AccountMenuProps) {
  const [wanted, setWanted] = useState(false);
  const standIn = (
    <Button {...accountButtonProps(email, compact)} onClick={() => setWanted(true)}>
      <AccountButtonFace email={email} compact={compact} />
    </Button>
  );
  if (!wanted) return standIn;
  return (
    <Suspense fallback={standIn}>
      <AccountMenuPopup email={email} compact={compact} />
    </Suspense>
  );
}
