"use client";

import { Maximize2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from "@/components/ui/dialog";

/** The QR code large enough to scan from a screen or print, in a dialog. */
export function QrDialog({ src, url }: { src: string; url: string }) {
  return (
    <Dialog>
      <DialogTrigger render={<Button variant="ghost" size="sm" />}>
        <Maximize2 aria-hidden />
        Enlarge
      </DialogTrigger>
      <DialogContent>
        <DialogHeader title="QR code" description={<>Opens {url}</>} descriptionClassName="break-all" />
        {/* biome-ignore lint/performance/noImgElement: a data URI made on the server; next/image adds nothing */}
        <img src={src} alt={`QR code for ${url}`} width={320} height={320} className="mx-auto rounded bg-white p-2" />
        <DialogFooter>
          <DialogClose render={<Button variant="secondary" />}>Done</DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
