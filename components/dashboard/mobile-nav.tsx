"use client";

import { Menu } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import type { NavCounts } from "./nav-items";

// The drawer's code (Base UI's Dialog) loads on the first press, so a desktop, which never shows
// this button, never fetches it: it stays out of every dashboard page's first-load JavaScript.
const MobileNavDrawer = lazy(() => import("./mobile-nav-drawer"));

/** Below `md` the navigation folds into this button, which opens it as a drawer from the left. */
export function MobileNav({ counts }: { counts?: NavCounts }) {
  const [wanted, setWanted] = useState(false);
  const standIn = (
    <Button variant="ghost" size="icon" aria-label="Open navigation" onClick={() => setWanted(true)}>
      <Menu aria-hidden className="size-5" />
    </Button>
  );
  if (!wanted) return standIn;
  return (
    <Suspense fallback={standIn}>
      <MobileNavDrawer counts={counts} />
    </Suspense>
  );
}
