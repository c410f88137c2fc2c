import "server-only";
import { getEnv } from "@/lib/env";

export interface SupabaseConfig {
  url: string;
  key: string;
  /** Legacy projects sign access tokens with HS256 and this secret; newer ones with asymmetric keys. */
  jwtSecret: string | undefined;
}

/** Only called when authBackend() is "supabase", where lib/env guarantees the URL and key. */
export function supabaseConfig(): SupabaseConfig {
  const env = getEnv();
  const url = env.NEXT_PUBLIC_SUPABASE_URL;
  const key = env.supabaseKey;
  if (!url || !key) throw new Error("Supabase Auth is not configured");
  return { url: url.replace(/\/+$/, ""), key, jwtSecret: env.SUPABASE_JWT_SECRET };
}

/** Every call to Supabase Auth gives up after this long (it is on the sign-in path). */
export const SUPABASE_TIMEOUT_MS = 10_000;
