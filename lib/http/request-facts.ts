import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { isIP } from "node:net";
import { cookies, headers } from "next/headers";
import { type CookieJar, type CookieToSet, requestCookieJar } from "@/lib/auth/cookies";
import { getEnv } from "@/lib/env";

// What a request says about itself, read in one place. Without TRUST_PROXY the facts are the
// connection's own: the Host header, the URL's scheme, and the client address Next records from
// the socket as the rightmost X-Forwarded-For entry (`npm start`, scripts/serve.mjs, drops any
// X-Forwarded-* a client sent, so that entry is Next's own). With TRUST_PROXY they are what the
// proxy in front of us wrote: the rightmost entry of each X-Forwarded-* list (anything to its left
// came from further away, possibly the client) and X-Real-IP.

function forwarded(headers: Headers, name: string): string | undefined {
  const value = headers.get(name)?.split(",").at(-1)?.trim();
  return value === "" ? undefined : value;
}

const trustProxy = () => getEnv().TRUST_PROXY;

// ::ffff:127.0.0.1 and 127.0.0.1 are the same client.
function stripMappedPrefix(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** The address the request came from, or null when unknown. */
export function clientIp(headers: Headers): string | null {
  const candidates = [
    forwarded(headers, "x-forwarded-for"),
    trustProxy() ? forwarded(headers, "x-real-ip") : undefined,
  ];
  for (const candidate of candidates) {
    if (candidate && isIP(stripMappedPrefix(candidate))) return stripMappedPrefix(candidate);
  }
  return null;
}

/**
 * What per-address limits count for a client address: an IPv4 address itself, an IPv6 address's
 * /64 (one host, or one customer line, is handed a whole /64 and can pick any address in it).
 */
export function clientNetwork(ip: string | null): string | null {
  if (!ip || isIP(ip) !== 6) return ip;
  const [head, tail = ""] = ip.split("%")[0].toLowerCase().split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = ip.includes("::") && tail !== "" ? tail.split(":") : [];
  // An embedded IPv4 tail (64:ff9b::1.2.3.4) fills two groups of the low 64 bits.
  const width = (groups: string[]) => groups.length + (groups.at(-1)?.includes(".") ? 1 : 0);
  const missing = 8 - width(headGroups) - width(tailGroups);
  const groups = [...headGroups, ...Array(Math.max(0, missing)).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

/** Whether the browser reached us over https (directly or through the proxy): cookies get Secure. */
export function isHttps(headers: Headers, url?: string): boolean {
  const proto = trustProxy() ? forwarded(headers, "x-forwarded-proto") : undefined;
  return (proto ?? (url ? new URL(url).protocol.replace(":", "") : "http")) === "https";
}

/** The host the browser addressed (with its port), as the same-origin check compares it. */
export function publicHost(headers: Headers, url?: string): string | null {
  const host = trustProxy() ? forwarded(headers, "x-forwarded-host") : undefined;
  return host ?? headers.get("host") ?? (url ? new URL(url).host : null);
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i;

/**
 * The credentials an Authorization header carries: none (no header), a Bearer token, or malformed
 * (a header that names no usable token: the client said who it is and was wrong).
 */
export function authorization(
  headers: Headers,
): { kind: "none" } | { kind: "bearer"; token: string } | { kind: "malformed" } {
  const header = headers.get("authorization");
  if (header === null) return { kind: "none" };
  const token = BEARER.exec(header.trim())?.[1];
  return token ? { kind: "bearer", token } : { kind: "malformed" };
}

/** The Bearer token of a request, or null without a well-formed one. */
export function bearerToken(headers: Headers): string | null {
  const found = authorization(headers);
  return found.kind === "bearer" ? found.token : null;
}

// ---------------------------------------------------------------------------------------------
// The current request of a server action or server component
// ---------------------------------------------------------------------------------------------

interface RequestScope {
  headers: Headers;
  jar: CookieJar;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** The headers of the request being served (a server action's, or a page's). */
export async function currentHeaders(): Promise<Headers> {
  return scope.getStore()?.headers ?? new Headers(await headers());
}

/**
 * The cookies of the request being served; what is set lands on its response. Server components
 * may not set cookies (Next throws): that only happens when Supabase refreshes a session, which
 * proxy.ts has already done for this request, so the write is dropped there.
 */
export async function currentCookieJar(): Promise<CookieJar> {
  const scoped = scope.getStore();
  if (scoped) return scoped.jar;
  const store = await cookies();
  return {
    getAll: () => store.getAll().map(({ name, value }) => ({ name, value })),
    setAll(list) {
      try {
        for (const { name, value, options } of list) store.set(name, value, options);
      } catch {
        // Rendering a server component: see above.
      }
    },
  };
}

/**
 * Runs fn (a server action, say) as if it served request, outside of Next: cookies() and headers()
 * only work inside a Next request. Answers what fn returned or threw (a redirect() throws) and the
 * cookies it set.
 */
export async function runWithRequestForTests<T>(
  request: Request,
  fn: () => Promise<T>,
): Promise<{ result?: T; thrown?: unknown; cookies: CookieToSet[] }> {
  const jar = requestCookieJar(request);
  // A server sees the Host header that fetch's Request keeps to itself.
  const headers = new Headers(request.headers);
  if (!headers.has("host")) headers.set("host", new URL(request.url).host);
  try {
    const result = await scope.run({ headers, jar }, fn);
    return { result, cookies: jar.pending };
  } catch (thrown) {
    return { thrown, cookies: jar.pending };
  }
}
