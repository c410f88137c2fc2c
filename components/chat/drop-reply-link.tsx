"use client";

import { useEffect } from "react";
import { REPLY_LINK_PARAM } from "@/lib/constants";

/**
 * Takes a reply email's token out of the address once the page has used it (the proxy has set the
 * visitor's cookie by then), so it doesn't stay in the history, a bookmark or a copied link.
 */
export function DropReplyLink() {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(REPLY_LINK_PARAM)) return;
    url.searchParams.delete(REPLY_LINK_PARAM);
    window.history.replaceState(window.history.state, "", url);
  }, []);
  return null;
}
