"use client";

import { AlertDialog } from "@base-ui/react/alert-dialog";
import { type ReactElement, type ReactNode, useState, useTransition } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { DialogFooter } from "./dialog";
import { backdropClasses, centeredDialogClasses, dialogDescriptionClasses, dialogTitleClasses } from "./popup-classes";

interface ConfirmDialogProps {
  /** The element that opens it, e.g. `<Button variant="destructive">Delete</Button>`. */
  trigger?: ReactElement;
  /** Control it instead (e.g. opened from a menu item). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: ReactNode;
  /** What will happen, in words the owner can't misread ("Its 120 messages are deleted too."). */
  description: ReactNode;
  /** Says the action: "Delete chatbot", never "OK". */
  confirmLabel: string;
  cancelLabel?: string;
  /** A red confirm button, for what can't be undone. */
  destructive?: boolean;
  /**
   * Runs the action. The dialog stays open, its button spinning, until this settles; it then
   * closes, unless this returned false (e.g. after showing the server's refusal in a toast).
   * What it throws is not caught here: it reaches the nearest error boundary.
   */
  onConfirm: () => unknown;
  /** More than words, between the description and the buttons (e.g. "type the name to confirm"). */
  children?: ReactNode;
}

/**
 * "Are you sure?": an alert dialog (Base UI), so a click outside does not dismiss it and focus
 * starts on Cancel, the safe choice. Escape cancels, except while the action runs.
 */
export function ConfirmDialog({
  trigger,
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  destructive = false,
  onConfirm,
  children,
}: ConfirmDialogProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const isOpen = open ?? ownOpen;
  const setOpen = (next: boolean) => {
    if (open === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  const confirm = () =>
    startTransition(async () => {
      if ((await onConfirm()) !== false) setOpen(false);
    });

  return (
    <AlertDialog.Root open={isOpen} onOpenChange={(next) => (pending ? undefined : setOpen(next))}>
      {trigger ? <AlertDialog.Trigger render={trigger} /> : null}
      <AlertDialog.Portal>
        <AlertDialog.Backdrop className={backdropClasses} />
        <AlertDialog.Popup className={cn(centeredDialogClasses, "z-50 max-w-md")}>
          <div className="grid gap-1.5">
            <AlertDialog.Title className={dialogTitleClasses}>{title}</AlertDialog.Title>
            <AlertDialog.Description className={dialogDescriptionClasses}>{description}</AlertDialog.Description>
          </div>
          {children}
          <DialogFooter>
            <AlertDialog.Close disabled={pending} render={<Button variant="secondary" />}>
              {cancelLabel}
            </AlertDialog.Close>
            <Button variant={destructive ? "destructive" : "primary"} loading={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </AlertDialog.Popup>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
