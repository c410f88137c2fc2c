import "server-only";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";

/**
 * A cookie rides along with any cross-site form or fetch, so a cookie-authenticated mutation must
 * come from our own origin. Browsers always send Origin on such requests; its absence means a
 * non-browser client, which cannot hold a victim's cookie.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  // x-forwarded-host is whatever the client says unless a trusted proxy in front overwrites it.
  const forwardedHost = getEnv().TRUST_PROXY
    ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim()
    : undefined;
  const host = forwardedHost || request.headers.get("host") || new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError("forbidden", "Cross-site request refused.");
  }
  if (originHost !== host) throw new ApiError("forbidden", "Cross-site request refused.");
}
