"use client";

import { Dialog as BaseDialog } from "@base-ui/react/dialog";
import { X } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { buttonVariants } from "./button-variants";
import { cn } from "./cn";
import {
  backdropClasses,
  centeredDialogClasses,
  dialogDescriptionClasses,
  dialogTitleClasses,
  leftSheetClasses,
} from "./popup-classes";

// Base UI's Dialog: focus moves in and is trapped while open, Escape and a click outside close it,
// focus returns to what opened it, and the page behind is inert and does not scroll.

/** Holds the open state: `open`/`onOpenChange` to control it, or nothing for a Trigger to. */
export const Dialog = BaseDialog.Root;
/** Opens the dialog; `render={<Button variant="secondary" />}` to make it one of ours. */
export const DialogTrigger = BaseDialog.Trigger;
/** Closes the dialog; `render={<Button variant="secondary" />}` for a "Cancel" button. */
export const DialogClose = BaseDialog.Close;

interface DialogContentProps extends Omit<BaseDialog.Popup.Props, "className"> {
  className?: string;
  /** "center": a dialog; "left": a panel along the left edge (navigation on phones). */
  side?: "center" | "left";
  /** The name of the close button in the corner, which every dialog has. */
  closeLabel?: string;
}

/** The dialog itself, with its backdrop and a close button. Give it a DialogTitle. */
export function DialogContent({
  side = "center",
  closeLabel = "Close",
  className,
  children,
  ...props
}: DialogContentProps) {
  return (
    <BaseDialog.Portal>
      <BaseDialog.Backdrop className={backdropClasses} />
      <BaseDialog.Popup
        {...props}
        className={cn(side === "left" ? leftSheetClasses : centeredDialogClasses, "z-50", className)}
      >
        {children}
        <BaseDialog.Close
          aria-label={closeLabel}
          className={buttonVariants({ variant: "ghost", size: "icon", className: "absolute top-3 right-3" })}
        >
          <X aria-hidden />
        </BaseDialog.Close>
      </BaseDialog.Popup>
    </BaseDialog.Portal>
  );
}

export function DialogTitle({
  className,
  ...props
}: Omit<BaseDialog.Title.Props, "className"> & { className?: string }) {
  return <BaseDialog.Title {...props} className={cn(dialogTitleClasses, className)} />;
}

function DialogDescription({
  className,
  ...props
}: Omit<BaseDialog.Description.Props, "className"> & { className?: string }) {
  return <BaseDialog.Description {...props} className={cn(dialogDescriptionClasses, className)} />;
}

interface DialogHeaderProps {
  title: ReactNode;
  /** What the dialog is for, read out when it opens. */
  description: ReactNode;
  /** For a description that may hold long unbroken text (a URL, a visitor's question). */
  descriptionClassName?: string;
}

/** The dialog's title and what it is for: every centred dialog opens with one. */
export function DialogHeader({ title, description, descriptionClassName }: DialogHeaderProps) {
  return (
    <div className="grid gap-1.5 pr-10">
      <DialogTitle>{title}</DialogTitle>
      <DialogDescription className={descriptionClassName}>{description}</DialogDescription>
    </div>
  );
}

/** The dialog's buttons: stacked on phones (the main one on top), in a row from `sm` up. */
export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)} />;
}
