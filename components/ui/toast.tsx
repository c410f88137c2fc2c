"use client";

import { lazy, Suspense, useSyncExternalStore } from "react";
import type { QueuedToast } from "./queued-toast";

// One queue for the whole page, so client code anywhere (e.g. after a server action returned)
// can say `toast.success("Profile saved")` without a hook; <Toaster /> shows what it queues. The
// toasts themselves (Base UI, toast-view.tsx) load with the first toast, keeping them out of every
// page's first-load JavaScript.

interface ToastOptions {
  description?: string;
}

const ToastView = lazy(() => import("./toast-view"));

let waiting: QueuedToast[] = [];
let deliver: ((toast: QueuedToast) => void) | null = null;
let wanted = false;
const listeners = new Set<() => void>();

function add(toast: QueuedToast): void {
  if (deliver) {
    deliver(toast);
    return;
  }
  waiting.push(toast);
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
}

function ready(show: (toast: QueuedToast) => void): void {
  deliver = show;
  for (const toast of waiting) show(toast);
  waiting = [];
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const toast = {
  /** Something the owner asked for happened. Read out politely; gone after 5 s. */
  success(title: string, { description }: ToastOptions = {}): void {
    add({ title, description, type: "success" });
  },
  /** Something failed. Read out at once, and stays longer: there may be something to do about it. */
  error(title: string, { description }: ToastOptions = {}): void {
    add({ title, description, type: "error" });
  },
};

/**
 * Renders the queued toasts in the bottom corner (full width on phones). Mount it once per layout
 * that uses `toast`; it loads the toasts' code when the first one is queued.
 */
export function Toaster() {
  const show = useSyncExternalStore(
    subscribe,
    () => wanted,
    () => false,
  );
  return show ? (
    <Suspense fallback={null}>
      <ToastView onReady={ready} />
    </Suspense>
  ) : null;
}
