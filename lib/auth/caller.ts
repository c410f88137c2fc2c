import "server-only";
import { authorization } from "@/lib/http/request-facts";
import type { Caller } from ".";
import { apiKeyCaller, isApiKey } from "./api-keys";
import { loadAuthBackend } from "./backend";
import type { CookieJar } from "./cookies";

/**
 * Who is calling: `Authorization: Bearer <access token | API key>` when the header is present (a
 * bad one is not rescued by a cookie: the client said who it is and was wrong), else the session
 * cookie in jar. Null when none is valid. A session the backend refreshes on the way (Supabase's
 * expired access token) leaves its new cookies in jar for the response. Route handlers pass a jar
 * over their Request (so tests can call them directly); server actions and components, Next's.
 */
export async function callerFrom(jar: CookieJar, headers: Headers): Promise<Caller | null> {
  const credentials = authorization(headers);
  if (credentials.kind === "malformed") return null;
  if (credentials.kind === "bearer") {
    if (isApiKey(credentials.token)) return apiKeyCaller(credentials.token);
    return (await loadAuthBackend()).bearerCaller(credentials.token);
  }
  return (await loadAuthBackend()).sessionCaller(jar);
}
