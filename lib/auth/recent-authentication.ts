import "server-only";
import { ApiError } from "@/lib/errors";
import { RECENT_AUTHENTICATION_SECONDS } from "@/lib/limits";
import type { Caller } from ".";

/** Whether the caller gave their password within RECENT_AUTHENTICATION_SECONDS. */
export function recentlyAuthenticated(caller: Caller, now = Date.now()): boolean {
  const at = caller.authenticatedAt?.getTime();
  return at !== undefined && now - at <= RECENT_AUTHENTICATION_SECONDS * 1000;
}

/**
 * Refuses (403 reauthentication_required) a caller whose password was not given in the last few
 * minutes: an API key never qualifies, and neither does an older session or access token, so a
 * stolen credential cannot mint API keys that outlive it. The dashboard then asks for the password
 * (confirmPasswordAction); an integration signs in again (POST /api/auth/token).
 */
export function requireRecentAuthentication(caller: Caller): void {
  if (recentlyAuthenticated(caller)) return;
  const minutes = RECENT_AUTHENTICATION_SECONDS / 60;
  throw new ApiError(
    "reauthentication_required",
    caller.via === "api_key"
      ? "An API key cannot create API keys. Sign in with your password to create one."
      : `Confirm your password to continue: this needs a sign-in from the last ${minutes} minutes.`,
  );
}
