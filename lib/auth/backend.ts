import "server-only";
import { type AuthBackend, type AuthBackendName, authBackend, type SessionRefresher } from ".";

// The one place a backend is chosen. Each is loaded only when it is the configured one, so
// supabase-js never loads for the built-in backend, and neither backend imports the other. The
// proxy's part is a module of its own, so proxy.ts loads no database driver.
const backends: Record<AuthBackendName, { full(): Promise<AuthBackend>; refresher(): Promise<SessionRefresher> }> = {
  builtin: {
    full: async () => (await import("./builtin")).builtinBackend,
    refresher: () => import("./builtin/refresh-session"),
  },
  supabase: {
    full: async () => (await import("./supabase")).supabaseBackend,
    refresher: () => import("./supabase/refresh-session"),
  },
};

/** The configured backend. */
export function loadAuthBackend(): Promise<AuthBackend> {
  return backends[authBackend()].full();
}

/** The configured backend's session refresh, for proxy.ts. */
export function loadSessionRefresher(): Promise<SessionRefresher> {
  return backends[authBackend()].refresher();
}
