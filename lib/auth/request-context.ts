import "server-only";
import type { AuthContext } from "./accounts";
import { clientIp } from "./client-ip";
import { type CookieToSet, isHttps, requestCookieJar } from "./cookies";

/** The AuthContext of a route handler's request; `pending` holds the cookies to send back. */
export function routeAuthContext(request: Request): AuthContext & { pending: CookieToSet[] } {
  const jar = requestCookieJar(request);
  const bearer = /^Bearer +(\S+)$/i.exec(request.headers.get("authorization")?.trim() ?? "")?.[1] ?? null;
  return { jar, pending: jar.pending, secure: isHttps(request), ip: clientIp(request.headers), bearer };
}
