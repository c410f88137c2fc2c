import type { JwtClaims } from "@/lib/db/types";

export interface Caller {
  userId: string;
  email: string;
  /** The claims owner-scoped queries run with (asOwner). */
  claims: JwtClaims;
  /** How the caller proved who they are; cookie sessions are subject to CSRF checks. */
  via: "session" | "token" | "api_key";
  /** The built-in backend's session row behind a cookie or access token (what sign-out deletes). */
  sessionId?: string;
}
