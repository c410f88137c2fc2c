import "server-only";

export interface CookieOptions {
  maxAge?: number;
  expires?: Date;
  path?: string;
  domain?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "lax" | "strict" | "none" | boolean;
}

export interface CookieToSet {
  name: string;
  value: string;
  options: CookieOptions;
}

/**
 * Where auth reads and writes cookies: the request's Cookie header plus the response's
 * Set-Cookie in route handlers, or next/headers' cookies() in server actions. The same shape as
 * @supabase/ssr's cookie methods, so both backends share it.
 */
export interface CookieJar {
  getAll(): { name: string; value: string }[];
  setAll(cookies: CookieToSet[]): void;
}

/** Parses a Cookie header; a malformed pair is skipped, never thrown on. */
export function parseCookieHeader(header: string | null): { name: string; value: string }[] {
  if (!header) return [];
  const cookies: { name: string; value: string }[] = [];
  for (const pair of header.split(";")) {
    const index = pair.indexOf("=");
    if (index <= 0) continue;
    const name = pair.slice(0, index).trim();
    let value = pair.slice(index + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      continue;
    }
    if (name) cookies.push({ name, value });
  }
  return cookies;
}

export function serializeCookie({ name, value, options }: CookieToSet): string {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  parts.push(`Path=${options.path ?? "/"}`);
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAge)}`);
  if (options.expires) parts.push(`Expires=${options.expires.toUTCString()}`);
  if (options.domain) parts.push(`Domain=${options.domain}`);
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  const sameSite = options.sameSite === true ? "strict" : options.sameSite;
  if (sameSite) parts.push(`SameSite=${sameSite[0].toUpperCase()}${sameSite.slice(1)}`);
  return parts.join("; ");
}

/** A jar over a route handler's request; what auth sets is collected for the response. */
export function requestCookieJar(request: Request): CookieJar & { pending: CookieToSet[] } {
  const incoming = parseCookieHeader(request.headers.get("cookie"));
  const pending: CookieToSet[] = [];
  return {
    pending,
    getAll: () => incoming,
    setAll(cookies) {
      pending.push(...cookies);
    },
  };
}

/**
 * A cookie's name as this server sets it: over https with the `__Host-` prefix, which browsers
 * accept only with Secure, Path=/ and no Domain, so no other host under the same domain (a
 * subdomain, another app beside this one) can plant or overwrite it. Plain http keeps the bare
 * name, since a browser refuses a prefixed cookie that isn't Secure.
 */
export const hostCookieName = (name: string, secure: boolean) => (secure ? `__Host-${name}` : name);

/**
 * A cookie's values under both its names, the `__Host-` ones first, each saying which name it came
 * under: a value only this host could have set wins over one that may have been planted under the
 * bare name. The bare name is read so cookies set before the prefix (or over http) keep working.
 */
export function cookieValues(
  cookies: { name: string; value: string }[],
  name: string,
): { value: string; prefixed: boolean }[] {
  const prefixedName = hostCookieName(name, true);
  return [
    ...cookies.filter((cookie) => cookie.name === prefixedName).map(({ value }) => ({ value, prefixed: true })),
    ...cookies.filter((cookie) => cookie.name === name).map(({ value }) => ({ value, prefixed: false })),
  ];
}
