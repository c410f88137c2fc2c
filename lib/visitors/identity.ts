import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { parseCookieHeader } from "@/lib/auth/cookies";
import { ApiError } from "@/lib/errors";
import { isVisitorSecret, VISITOR_COOKIE } from "./cookie";

/** Ids of the public page's visitors; the chat API refuses them without the cookie behind them. */
export const WEB_VISITOR_PREFIX = "web-";

/**
 * The visitor id the chat API sees for one browser at one chatbot: a one-way hash of the cookie's
 * secret and the bot. Per bot, so owners cannot follow one browser across each other's bots; from
 * a secret that never leaves the server and the browser's cookie jar, so knowing an id (owners see
 * them in their inbox) is never enough to chat as, or read the history of, that visitor.
 */
export function webVisitorId(secret: string, chatbotId: string): string {
  return `${WEB_VISITOR_PREFIX}${createHash("sha256").update(`${secret}:${chatbotId}`).digest("hex").slice(0, 32)}`;
}

/** For a browser that refused the cookie: chatting still works, remembered for this page view only. */
export function guestVisitorId(): string {
  return `guest-${randomBytes(16).toString("hex")}`;
}

/** The page's visitor secret, from the request being rendered; null without a valid cookie. */
export async function currentVisitorSecret(): Promise<string | null> {
  const secret = (await cookies()).get(VISITOR_COOKIE)?.value;
  return isVisitorSecret(secret) ? secret : null;
}

function secretFromRequest(request: Request): string | null {
  const secret = parseCookieHeader(request.headers.get("cookie")).find(
    (cookie) => cookie.name === VISITOR_COOKIE,
  )?.value;
  return isVisitorSecret(secret) ? secret : null;
}

/**
 * A `web-` visitor id is accepted only from the browser whose cookie it was derived from, for the
 * bot it was derived for; integrations choose any other id freely.
 */
export function assertWebVisitor(request: Request, visitorId: string, chatbotId: string | undefined): void {
  if (!visitorId.startsWith(WEB_VISITOR_PREFIX)) return;
  const secret = secretFromRequest(request);
  if (!secret || !chatbotId || webVisitorId(secret, chatbotId) !== visitorId) {
    throw new ApiError(
      "forbidden",
      `Visitor ids starting with "${WEB_VISITOR_PREFIX}" belong to the public chat page.`,
    );
  }
}
