import "server-only";
import type { NextRequest } from "next/server";
import { parseCookieHeader } from "@/lib/auth/cookies";
import { newSignedSecret, verifiedSecret } from "./signed-secret";

/** The visitor's secret. Only the server reads it: pages derive the visitor id from it. */
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
 * The visitor's secret from a Cookie header, read the same way by the page, the API and the proxy:
 * the first chatfolio_visitor cookie the server signed, whatever else (a second cookie of the same
 * name, set by a page of another app on this domain) comes along.
 */
export function visitorSecretFrom(cookieHeader: string | null): string | null {
  for (const cookie of parseCookieHeader(cookieHeader)) {
    if (cookie.name !== VISITOR_COOKIE) continue;
    const secret = verifiedSecret(COOKIE_PURPOSE, cookie.value);
    if (secret) return secret;
  }
  return null;
}

/**
 * For proxy.ts: gives a chat page's request a visitor cookie when it has no valid one, on the
 * request itself (so the very first render already knows the visitor) and as the Set-Cookie header
 * to send back, or null when nothing needs setting. Inside the embed, a cross-site iframe, only a
 * `SameSite=None; Secure; Partitioned` cookie survives; Chrome accepts Secure on http://localhost.
 */
export function issueVisitorCookie(request: NextRequest, secure: boolean): string | null {
  const pathname = request.nextUrl.pathname;
  if (!CHAT_PAGE.test(pathname) || visitorSecretFrom(request.headers.get("cookie"))) return null;
  const value = newVisitorCookieValue();
  request.cookies.set(VISITOR_COOKIE, value);
  const attributes = [`${VISITOR_COOKIE}=${value}`, "Path=/", `Max-Age=${MAX_AGE_SECONDS}`, "HttpOnly"];
  if (EMBED_PAGE.test(pathname)) attributes.push("Secure", "SameSite=None", "Partitioned");
  else attributes.push(...(secure ? ["Secure"] : []), "SameSite=Lax");
  return attributes.join("; ");
}
