/** sb-<project ref>-auth-token, possibly split into .0, .1 … chunks (@supabase/ssr's naming). */
export function isSupabaseAuthCookie(name: string): boolean {
  return name.startsWith("sb-") && /-auth-token(\.\d+)?$/.test(name);
}
