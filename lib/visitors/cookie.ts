import "server-only";
import type { NextRequest } from "next/server";

/** The visitor's secret. Only the server reads it: pages derive the visitor id from it. */
export const VISITOR_COOKIE = "chatfolio_visitor";

// Chrome caps cookie lifetimes at 400 days anyway.
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const CHAT_PAGE = /^\/c\/[^/]+(\/embed)?\/?$/;
const EMBED_PAGE = /^\/c\/[^/]+\/embed\/?$/;

export function isVisitorSecret(value: string | undefined): value is string {
  return value !== undefined && SECRET_PATTERN.test(value);
}

function newSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

/**
 * For proxy.ts: gives a chat page's request a visitor secret when it has none, on the request
 * itself (so the very first render already knows the visitor) and as the Set-Cookie header to
 * send back, or null when nothing needs setting. Inside the embed, a cross-site iframe, only a
 * `SameSite=None; Secure; Partitioned` cookie survives; Chrome accepts Secure on http://localhost.
 */
export function issueVisitorCookie(request: NextRequest, secure: boolean): string | null {
  const pathname = request.nextUrl.pathname;
  if (!CHAT_PAGE.test(pathname) || isVisitorSecret(request.cookies.get(VISITOR_COOKIE)?.value)) return null;
  const secret = newSecret();
  request.cookies.set(VISITOR_COOKIE, secret);
  const attributes = [`${VISITOR_COOKIE}=${secret}`, "Path=/", `Max-Age=${MAX_AGE_SECONDS}`, "HttpOnly"];
  if (EMBED_PAGE.test(pathname)) attributes.push("Secure", "SameSite=None", "Partitioned");
  else attributes.push(...(secure ? ["Secure"] : []), "SameSite=Lax");
  return attributes.join("; ");
}
