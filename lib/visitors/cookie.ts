import "server-only";
import type { NextRequest } from "next/server";
import { cookieValues, hostCookieName, parseCookieHeader } from "@/lib/auth/cookies";
import { newSignedSecret, verifiedSecret } from "./signed-secret";

/**
 * The visitor's secret, `__Host-chatfolio_visitor` over https. Only the server reads it: pages
 * derive the visitor id from it.
 */
export const VISITOR_COOKIE = "chatfolio_visitor";

// Chrome caps cookie lifetimes at 400 days anyway.
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const CHAT_PAGE = /^\/c\/[^/]+(\/embed)?\/?$/;
const EMBED_PAGE = /^\/c\/[^/]+\/embed\/?$/;
// A key of its own, so a visitor cookie never doubles as a token.
const COOKIE_PURPOSE = "chatfolio visitor cookie";

/** A new cookie value: a random secret and the server's signature of it. */
export function newVisitorCookieValue(): string {
  return newSignedSecret(COOKIE_PURPOSE);
}

/**
 * The visitor's cookie in a Cookie header, read the same way by the page, the API and the proxy:
 * the first value the server signed, a `__Host-` one before any under the bare name (which a page
 * of another app on this domain could have planted), whatever else comes along.
 */
function visitorCookieIn(cookieHeader: string | null): { secret: string; value: string; prefixed: boolean } | null {
  for (const { value, prefixed } of cookieValues(parseCookieHeader(cookieHeader), VISITOR_COOKIE)) {
    const secret = verifiedSecret(COOKIE_PURPOSE, value);
    if (secret) return { secret, value, prefixed };
  }
  return null;
}

/** The visitor's secret from a Cookie header; null without a cookie this server signed. */
export function visitorSecretFrom(cookieHeader: string | null): string | null {
  return visitorCookieIn(cookieHeader)?.secret ?? null;
}

/**
 * For proxy.ts: gives a chat page's request a visitor cookie when it has no valid one, on the
 * request itself (so the very first render already knows the visitor) and as the Set-Cookie header
 * to send back, or null when nothing needs setting. Over https a cookie under the bare name (set
 * before the prefix) is set again under the `__Host-` one, the same visitor. Inside the embed, a
 * cross-site iframe, only a `SameSite=None; Secure; Partitioned` cookie survives; Chrome accepts
 * Secure on http://localhost.
 */
export function issueVisitorCookie(request: NextRequest, secure: boolean): string | null {
  const pathname = request.nextUrl.pathname;
  if (!CHAT_PAGE.test(pathname)) return null;
  const held = visitorCookieIn(request.headers.get("cookie"));
  if (held && (held.prefixed || !secure)) return null;
  const name = hostCookieName(VISITOR_COOKIE, secure);
  const value = held?.value ?? newVisitorCookieValue();
  request.cookies.set(name, value);
  const attributes = [`${name}=${value}`, "Path=/", `Max-Age=${MAX_AGE_SECONDS}`, "HttpOnly"];
  if (EMBED_PAGE.test(pathname)) attributes.push("Secure", "SameSite=None", "Partitioned");
  else attributes.push(...(secure ? ["Secure"] : []), "SameSite=Lax");
  return attributes.join("; ");
}
