"use client";

import { Toast } from "@base-ui/react/toast";
import { CircleAlert, CircleCheck, X } from "lucide-react";
import { buttonVariants } from "./button-variants";

// One manager for the whole page, so client code anywhere (e.g. after a server action returned)
// can say `toast.success("Profile saved")` without a hook; <Toaster /> shows what it queues.
const manager = Toast.createToastManager();

interface ToastOptions {
  description?: string;
}

export const toast = {
  /** Something the owner asked for happened. Read out politely; gone after 5 s. */
  success(title: string, { description }: ToastOptions = {}): string {
    return manager.add({ title, description, type: "success" });
  },
  /** Something failed. Read out at once, and stays longer: there may be something to do about it. */
  error(title: string, { description }: ToastOptions = {}): string {
    return manager.add({ title, description, type: "error", priority: "high", timeout: 10_000 });
  },
};

/**
 * Renders the queued toasts in the bottom corner (full width on phones). Mount it once per layout
 * that uses `toast`. F6 jumps into it from the keyboard; hovering or focusing it pauses the timers.
 */
export function Toaster() {
  return (
    <Toast.Provider toastManager={manager} limit={3}>
      <Toast.Portal>
        <Toast.Viewport className="fixed right-4 bottom-4 z-50 flex w-[calc(100%-2rem)] flex-col-reverse gap-2 sm:w-96">
          <ToastList />
        </Toast.Viewport>
      </Toast.Portal>
    </Toast.Provider>
  );
}

function ToastList() {
  const { toasts } = Toast.useToastManager();
  return toasts.map((item) => (
    <Toast.Root
      key={item.id}
      toast={item}
      className="flex items-start gap-3 rounded-lg border border-zinc-200 bg-white p-4 text-sm text-zinc-900 shadow-lg transition-[opacity,translate] duration-200 data-ending-style:opacity-0 data-limited:hidden data-starting-style:translate-y-4 data-starting-style:opacity-0 motion-reduce:transition-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {item.type === "error" ? (
        <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" />
      ) : (
        <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600 dark:text-emerald-400" />
      )}
      <div className="grid min-w-0 flex-1 gap-1">
        <Toast.Title className="font-medium" />
        <Toast.Description className="text-zinc-600 dark:text-zinc-400" />
      </div>
      <Toast.Close
        aria-label="Dismiss"
        className={buttonVariants({ variant: "ghost", size: "icon", className: "-my-2 -mr-2 size-8" })}
      >
        <X aria-hidden />
      </Toast.Close>
    </Toast.Root>
  ));
}
