import "server-only";
import { getEnv } from "@/lib/env";

export type AuthBackend = "builtin" | "supabase";

/** Supabase Auth when its URL and key are configured, the built-in backend otherwise. */
export function authBackend(): AuthBackend {
  const env = getEnv();
  return env.NEXT_PUBLIC_SUPABASE_URL && env.supabaseKey ? "supabase" : "builtin";
}
