import "server-only";
import { authBackend } from ".";
import type { CookieToSet } from "./cookies";

export interface RefreshedSession {
  /** An auth cookie came with the request (valid or not: the page's own check decides). */
  present: boolean;
  /** Cookies to set on the response (and to pass on to this request's handlers). */
  cookies: CookieToSet[];
}

/**
 * Keeps the browser's session alive, for proxy.ts, with whichever backend is configured. Never
 * touches the database: it is on every page request's path.
 */
export async function refreshSession(
  cookies: { name: string; value: string }[],
  secure: boolean,
): Promise<RefreshedSession> {
  const backend =
    authBackend() === "supabase"
      ? await import("./supabase/refresh-session")
      : await import("./builtin/refresh-session");
  return backend.refreshSession(cookies, secure);
}
