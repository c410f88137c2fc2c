import "server-only";
import { isIP } from "node:net";

/**
 * The address a request came from, or null when unknown. Next's server fills x-forwarded-for
 * with the socket's address when the request has none, and a proxy in front appends the address
 * it saw, so the rightmost entry is the one added by the hop closest to us; anything to its left
 * was written by the client and proves nothing.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  if (last && isIP(stripMappedPrefix(last))) return stripMappedPrefix(last);
  const real = headers.get("x-real-ip")?.trim();
  if (real && isIP(stripMappedPrefix(real))) return stripMappedPrefix(real);
  return null;
}

// ::ffff:127.0.0.1 and 127.0.0.1 are the same client.
function stripMappedPrefix(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
