import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { AuthContext } from "./accounts";
import type { Caller } from "./caller";
import { clientIp } from "./client-ip";
import type { CookieJar } from "./cookies";
import { callerFrom } from "./index";
import { loginPathFor, PATH_HEADER } from "./next-path";

/**
 * A jar over next/headers' cookies(). Server components may not set cookies (Next throws);
 * that only happens when Supabase refreshes a session, which proxy.ts has already done for this
 * request, so the write is dropped there. Server actions and route handlers can set them.
 */
async function nextCookieJar(): Promise<CookieJar> {
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

/** The signed-in owner for server components and actions (one lookup per render), or null. */
export const getCurrentUser = cache(async (): Promise<Caller | null> => {
  return callerFrom(await nextCookieJar(), null);
});

/** The signed-in owner, or a redirect to /login that comes back to this page afterwards. */
export async function requireUser(fallbackPath = "/dashboard"): Promise<Caller> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = (await headers()).get(PATH_HEADER) ?? fallbackPath;
  redirect(loginPathFor(path.startsWith(fallbackPath) ? path : fallbackPath));
}

/** The AuthContext of a server action's request. */
export async function actionAuthContext(): Promise<AuthContext> {
  const requestHeaders = await headers();
  const proto = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return { jar: await nextCookieJar(), secure: proto === "https", ip: clientIp(requestHeaders) };
}
