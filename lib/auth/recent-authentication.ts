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
  // Said outright rather than left to the missing authenticatedAt: a key minting keys would let
  // one leaked key live for ever, whatever a backend one day puts in its Caller.
  if (caller.via === "api_key") {
    throw new ApiError(
      "reauthentication_required",
      "An API key cannot create API keys. Sign in with your password to create one.",
    );
  }
  if (recentlyAuthenticated(caller)) return;
  const minutes = RECENT_AUTHENTICATION_SECONDS / 60;
  throw new ApiError(
    "reauthentication_required",
    `Confirm your password to continue: this needs a sign-in from the last ${minutes} minutes.`,
  );
}

/**
 * Refuses (403 session_required) every Bearer credential, API key or access token: what takes the
 * account away from its owner (deleting it, a new password or address, revoking every key) is for
 * the owner at the dashboard. An integration's credential is stored on someone else's server, and
 * with it alone the account's email (GET /api/account/export) was the only other proof asked.
 */
export function requireBrowserSession(caller: Caller): void {
  if (caller.via === "session") return;
  throw new ApiError(
    "session_required",
    caller.via === "api_key"
      ? "An API key cannot do this. Sign in on the dashboard to do it there."
      : "An access token cannot do this. Sign in on the dashboard to do it there.",
  );
}

/** The browser session, with the password given in the last few minutes (both rules above). */
export function requireRecentBrowserSession(caller: Caller): void {
  requireBrowserSession(caller);
  requireRecentAuthentication(caller);
}
