// What toast.tsx queues and toast-view.tsx shows: its own module, so the view (loaded lazily by
// toast.tsx) never imports back from the queue.

export interface QueuedToast {
  title: string;
  description?: string;
  type: "success" | "error";
}
