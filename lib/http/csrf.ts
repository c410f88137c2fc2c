import "server-only";
import { ApiError } from "@/lib/errors";
import { publicHost } from "./request-facts";

const refused = (message = "Cross-site request refused.") => new ApiError("forbidden", message);

/**
 * A cookie rides along with any cross-site form or fetch, so a mutation a cookie authenticates
 * must come from our own origin. Browsers send Origin with every such request (and
 * Sec-Fetch-Site with most); one that says neither is refused when `required`, so a request that
 * strips its Origin (some privacy extensions and proxies do) can't slip through either. Without
 * `required` (sign-up, which a script may call) only a foreign Origin is refused.
 */
export function assertSameOrigin(headers: Headers, url: string | undefined, options: { required: boolean }): void {
  const origin = headers.get("origin");
  if (origin && origin !== "null") {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw refused();
    }
    if (originHost !== publicHost(headers, url)) throw refused();
    return;
  }
  const site = headers.get("sec-fetch-site");
  if (site) {
    if (site !== "same-origin" && site !== "none") throw refused();
    return;
  }
  if (options.required || origin === "null") {
    throw refused("A request carrying a session cookie must say where it comes from (Origin).");
  }
}
