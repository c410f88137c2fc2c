import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { currentCookieJar, currentHeaders } from "@/lib/http/request-facts";
import type { Caller } from ".";
import { callerFrom } from "./caller";
import { loginPathFor, PATH_HEADER } from "./next-path";

/** The signed-in owner for server components and actions (one lookup per render), or null. */
export const getCurrentUser = cache(async (): Promise<Caller | null> => {
  return callerFrom(await currentCookieJar(), await currentHeaders());
});

/** The signed-in owner, or a redirect to /login that comes back to this page afterwards. */
export async function requireUser(fallbackPath = "/dashboard"): Promise<Caller> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = (await currentHeaders()).get(PATH_HEADER) ?? fallbackPath;
  redirect(loginPathFor(path.startsWith(fallbackPath) ? path : fallbackPath));
}
