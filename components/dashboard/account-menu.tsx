"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { AccountButtonFace, type AccountMenuProps, accountButtonProps } from "./account-button";

// The menu's code (Base UI's Menu with Floating UI) loads on the first press of the account
// button: it stays out of every dashboard page's first-load JavaScript.
const AccountMenuPopup = lazy(() => import("./account-menu-popup"));

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
