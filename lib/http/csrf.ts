import "server-only";
import { ApiError } from "@/lib/errors";
import { publicHost } from "./request-facts";

/**
 * A cookie rides along with any cross-site form or fetch, so a cookie-authenticated mutation must
 * come from our own origin. Browsers always send Origin on such requests; its absence means a
 * non-browser client, which cannot hold a victim's cookie.
 */
export function assertSameOrigin(headers: Headers, url?: string): void {
  const origin = headers.get("origin");
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError("forbidden", "Cross-site request refused.");
  }
  if (originHost !== publicHost(headers, url)) throw new ApiError("forbidden", "Cross-site request refused.");
}
