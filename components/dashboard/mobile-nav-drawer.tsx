"use client";

import { Menu } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DashboardNav } from "./dashboard-nav";
import type { NavCounts } from "./nav-items";

/**
 * The navigation as a drawer from the left, loaded by MobileNav on the first press of its button
 * and so mounted open. Closing gives focus back to the button (this module's trigger, which took
 * the place of MobileNav's stand-in).
 */
export default function MobileNavDrawer({ counts }: { counts?: NavCounts }) {
  const [open, setOpen] = useState(true);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger ref={trigger} render={<Button variant="ghost" size="icon" aria-label="Open navigation" />}>
        <Menu aria-hidden className="size-5" />
      </DialogTrigger>
      <DialogContent side="left" closeLabel="Close navigation" finalFocus={trigger}>
        <DialogTitle className="px-3 pt-1.5 text-base">Chatfolio</DialogTitle>
        <DashboardNav counts={counts} onNavigate={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
