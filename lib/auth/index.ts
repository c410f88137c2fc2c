import "server-only";
import { apiKeyCaller, isApiKey } from "./api-keys";
import { authBackend } from "./backend";
import { builtinCaller } from "./builtin";
import type { Caller } from "./caller";
import { type CookieJar, requestCookieJar, SESSION_COOKIE } from "./cookies";

export { type AuthBackend, authBackend } from "./backend";
export type { Caller } from "./caller";

/**
 * Who is calling: `Authorization: Bearer <access token | API key>` when the header is present
 * (a bad one is not rescued by a cookie: the client said who it is and was wrong), else the
 * session cookie. Null when none is valid. Reads the Request only, so it works in route handlers
 * called directly from tests.
 */
export async function getCaller(request: Request): Promise<Caller | null> {
  return callerFrom(requestCookieJar(request), request.headers.get("authorization"));
}

export async function callerFrom(jar: CookieJar, authorization: string | null): Promise<Caller | null> {
  if (authorization !== null) {
    const token = bearerToken(authorization);
    if (!token) return null;
    if (isApiKey(token)) return apiKeyCaller(token);
    if (authBackend() === "builtin") return builtinCaller(token, "access");
    return (await supabase()).supabaseBearerCaller(token);
  }
  if (authBackend() === "supabase") return (await supabase()).supabaseSessionCaller(jar);
  const cookie = jar.getAll().find((entry) => entry.name === SESSION_COOKIE)?.value;
  return cookie ? builtinCaller(cookie, "session") : null;
}

function bearerToken(header: string): string | null {
  const match = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

// supabase-js is loaded only when Supabase Auth is configured: the built-in backend never needs it.
function supabase() {
  return import("./supabase/caller");
}
