"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { idleFormState } from "@/lib/http/form-state";
import { inboxChangesAction } from "@/lib/inbox/actions";

/** How often an open, visible inbox asks whether anything changed. */
const POLL_MS = 5_000;

/**
 * Keeps an open inbox current without a reload: every few seconds while the tab is visible it
 * asks the server for the newest change to the owner's conversations (one index read) and
 * re-renders the page from the server only when that differs from what it shows. Hidden tabs
 * don't poll; coming back polls at once.
 */
export function InboxPoller({ since }: { since: string | null }) {
  const router = useRouter();
  const shown = useRef(since);
  shown.current = since;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      timer = undefined;
      if (stopped || document.hidden) return;
      try {
        const state = await inboxChangesAction(idleFormState, { since: shown.current ?? "" });
        if (state.status === "success" && state.data.changed) {
          shown.current = state.data.latest;
          router.refresh();
        }
      } catch {
        // Offline or the server restarting: the next poll tries again.
      }
      if (!stopped && !document.hidden) timer = setTimeout(poll, POLL_MS);
    };
    const onVisibility = () => {
      if (!document.hidden && timer === undefined) void poll();
    };
    timer = setTimeout(poll, POLL_MS);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [router]);

  return null;
}
