import "server-only";
import { createHash } from "node:crypto";
import { cookies } from "next/headers";
import { isVisitorSecret, VISITOR_COOKIE } from "./cookie";

/**
 * The visitor id the chat API sees, derived one way from the cookie's secret. Integrations pick
 * visitor ids freely, so an id must never be enough to act as (or read the history of) a web
 * visitor: the secret behind it never leaves the server and the browser's cookie jar.
 */
export function visitorIdFromSecret(secret: string): string {
  return `web-${createHash("sha256").update(secret).digest("hex").slice(0, 32)}`;
}

/** This request's web visitor id, or null when the browser brought no valid visitor cookie. */
export async function currentVisitorId(): Promise<string | null> {
  const secret = (await cookies()).get(VISITOR_COOKIE)?.value;
  return isVisitorSecret(secret) ? visitorIdFromSecret(secret) : null;
}
