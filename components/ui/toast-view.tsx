"use client";

import { Toast } from "@base-ui/react/toast";
import { CircleAlert, CircleCheck, X } from "lucide-react";
import { useEffect } from "react";
import { buttonVariants } from "./button-variants";
import type { QueuedToast } from "./queued-toast";

// Base UI's toasts, loaded by toast.tsx on the first toast only: they are ~14 KB gzipped that no
// page needs before something has happened to report.

const manager = Toast.createToastManager();

function show({ title, description, type }: QueuedToast): void {
  if (type === "error") manager.add({ title, description, type, priority: "high", timeout: 10_000 });
  else manager.add({ title, description, type });
}

/**
 * The toasts in the bottom corner (full width on phones). F6 jumps into them from the keyboard;
 * hovering or focusing them pauses the timers. `onReady` gets the function that shows a toast,
 * called once the viewport (a live region) is in the page, so the first toast is announced.
 */
export default function ToastView({ onReady }: { onReady: (show: (toast: QueuedToast) => void) => void }) {
  useEffect(() => onReady(show), [onReady]);
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
