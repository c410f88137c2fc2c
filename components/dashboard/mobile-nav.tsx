"use client";

import { Menu } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DashboardNav } from "./dashboard-nav";
import type { NavCounts } from "./nav-items";

/** Below `md` the navigation folds into this button, which opens it as a drawer from the left. */
export function MobileNav({ counts }: { counts?: NavCounts }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger render={<Button variant="ghost" size="icon" aria-label="Open navigation" />}>
        <Menu aria-hidden className="size-5" />
      </DialogTrigger>
      <DialogContent side="left" closeLabel="Close navigation">
        <DialogTitle className="px-3 pt-1.5 text-base">Chatfolio</DialogTitle>
        <DashboardNav counts={counts} onNavigate={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
