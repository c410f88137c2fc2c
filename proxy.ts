import { type NextRequest, NextResponse } from "next/server";
import { loadSessionRefresher } from "@/lib/auth/backend";
import { serializeCookie } from "@/lib/auth/cookies";
import { loginPathFor, PATH_HEADER } from "@/lib/auth/next-path";
import { isHttps } from "@/lib/http/request-facts";
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";
import { issueVisitorCookie } from "@/lib/visitors/cookie";
import { adoptReplyLink } from "@/lib/visitors/reply-link";

/**
 * Runs before every page, and before API routes only when a built-in session cookie came along
 * (config below): keeps the signed-in session fresh (built-in or Supabase),
 * sends signed-out visitors of /dashboard to /login (and back afterwards), and tells layouts which
 * path they render, and gives each page its Content-Security-Policy nonce. The real access checks
 * stay in the pages and routes; this only saves a round trip and keeps cookies alive.
 */
export async function proxy(request: NextRequest) {
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const secure = isHttps(request.headers, request.url);
  const session = await (await loadSessionRefresher()).refreshSession(
    request.cookies.getAll().map(({ name, value }) => ({ name, value })),
    secure,
  );

  const pathname = request.nextUrl.pathname;
  if (!session.present && (pathname === "/dashboard" || pathname.startsWith("/dashboard/"))) {
    return NextResponse.redirect(new URL(loginPathFor(path), request.url));
  }

  // Chat pages: a visitor secret on this very request, so the first render already knows them.
  const visitorCookie = issueVisitorCookie(request, secure);
  // Opened from a reply email: this browser becomes that visitor at that bot.
  const linkCookie = adoptReplyLink(request, secure);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATH_HEADER, path);
  for (const cookie of session.cookies) request.cookies.set(cookie.name, cookie.value);
  // Refreshed cookies reach this request's own pages and handlers, not only the browser.
  if (session.cookies.length > 0) requestHeaders.set("cookie", request.cookies.toString());
  // Pages (not the API) get a policy with a fresh nonce; Next reads it from the request to put the
  // nonce on its own scripts, and the browser from the response.
  const policy = pathname.startsWith("/api/") ? null : contentSecurityPolicy(pathname, newNonce(), { https: secure });
  if (policy) requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (policy) response.headers.set("Content-Security-Policy", policy);
  if (secure) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  for (const cookie of session.cookies) response.headers.append("Set-Cookie", serializeCookie(cookie));
  if (visitorCookie) response.headers.append("Set-Cookie", visitorCookie);
  if (linkCookie) response.headers.append("Set-Cookie", linkCookie);
  return response;
}

// Next reads this statically, so the cookie's names are written out (tests/unit/proxy-matcher.test.ts
// holds them to SESSION_COOKIE). Static assets carry no session worth refreshing. API calls without
// a built-in session cookie (integrations, the widget's chat, Supabase sessions: route() writes
// their refreshed cookies back itself) skip the proxy's cost.
export const config = {
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|css|js|map|txt)$).*)",
    { source: "/api/:path*", has: [{ type: "cookie", key: "chatfolio_session" }] },
    { source: "/api/:path*", has: [{ type: "cookie", key: "__Host-chatfolio_session" }] },
  ],
};
