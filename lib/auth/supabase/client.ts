import "server-only";
import { createServerClient } from "@supabase/ssr";
import type { SupabaseClient } from "@supabase/supabase-js";
import type { CookieJar } from "../cookies";
import { SUPABASE_TIMEOUT_MS, supabaseConfig } from "./config";

type ClientOptions = NonNullable<Parameters<typeof createServerClient>[2]>;
type Transport = NonNullable<NonNullable<ClientOptions["realtime"]>["transport"]>;

// The server never opens Supabase Realtime; supabase-js still wants a WebSocket class when it is
// built, and Node 20 has none. This one is never constructed.
class NoRealtime {
  constructor() {
    throw new Error("Supabase Realtime is not used on the server");
  }
}

function fetchWithTimeout(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const timeout = AbortSignal.timeout(SUPABASE_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
}

/** A Supabase client for one request, its session kept in that request's cookies (@supabase/ssr). */
export function supabaseServerClient(jar: CookieJar): SupabaseClient {
  const { url, key } = supabaseConfig();
  return createServerClient(url, key, {
    cookies: {
      getAll: () => jar.getAll(),
      setAll: (cookies) =>
        jar.setAll(
          cookies.map(({ name, value, options }) => ({
            name,
            value,
            options: {
              path: options.path,
              domain: options.domain,
              maxAge: options.maxAge,
              expires: options.expires,
              httpOnly: options.httpOnly,
              secure: options.secure,
              sameSite: options.sameSite,
            },
          })),
        ),
    },
    global: { fetch: fetchWithTimeout },
    realtime: { transport: NoRealtime as unknown as Transport },
  });
}
