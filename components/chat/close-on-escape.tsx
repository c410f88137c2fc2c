"use client";

import { useEffect } from "react";

/**
 * Inside the widget's iframe, Escape happens in this document, which the embedding page can't
 * hear: ask it to close the panel. Only a message, never a call into the parent, which is
 * another site; the widget checks it comes from its own iframe.
 */
export function CloseOnEscape() {
  useEffect(() => {
    if (window.parent === window) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // defaultPrevented: something in the chat used the key; isComposing: it cancels an IME candidate.
      if (event.key !== "Escape" || event.defaultPrevented || event.isComposing) return;
      window.parent.postMessage("chatfolio:close", "*");
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return null;
}
