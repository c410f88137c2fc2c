import "server-only";
import { isIP } from "node:net";
import { getEnv } from "@/lib/env";

/**
 * The address a request came from, or null when unknown. Our server (scripts/serve.mjs) drops a
 * client's own X-Forwarded-For unless TRUST_PROXY is set, and Next then fills the header from the
 * socket; behind a trusted proxy, the proxy appends the address it saw. Either way the rightmost
 * entry was written by the hop closest to us; anything to its left came from the client.
 * X-Real-IP is only ever written by a proxy, so it counts only when one is trusted.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  if (last && isIP(stripMappedPrefix(last))) return stripMappedPrefix(last);
  const real = getEnv().TRUST_PROXY ? headers.get("x-real-ip")?.trim() : undefined;
  if (real && isIP(stripMappedPrefix(real))) return stripMappedPrefix(real);
  return null;
}

// ::ffff:127.0.0.1 and 127.0.0.1 are the same client.
function stripMappedPrefix(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
