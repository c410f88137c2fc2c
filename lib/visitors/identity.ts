import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ApiError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/csrf";
import { currentHeaders } from "@/lib/http/request-facts";
import { visitorSecretFrom } from "./cookie";
import { visitorSecretFor } from "./reply-link";

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

/** The Cookie header of the page being rendered, where its visitor's secret for each bot is read. */
export async function currentCookieHeader(): Promise<string | null> {
  return (await currentHeaders()).get("cookie");
}

/**
 * A `web-` visitor id is accepted only from the browser whose cookie it was derived from, for the
 * bot it was derived for; integrations choose any other id freely.
 */
export function assertWebVisitor(request: Request, visitorId: string, chatbotId: string | undefined): void {
  if (!visitorId.startsWith(WEB_VISITOR_PREFIX)) return;
  const secret = chatbotId ? visitorSecretFor(request.headers.get("cookie"), chatbotId) : null;
  if (!secret || !chatbotId || webVisitorId(secret, chatbotId) !== visitorId) {
    throw new ApiError(
      "forbidden",
      `Visitor ids starting with "${WEB_VISITOR_PREFIX}" belong to the public chat page.`,
    );
  }
}

/**
 * The secret of the visitor calling one of their own endpoints (feedback, their data), from the
 * cookie only; null without one. With the bot named, an identity a reply link gave this browser
 * there counts too; without (feedback names only a message), the browser's own cookie alone. The
 * embed's cookie rides along on cross-site requests (SameSite=None), so a change it authorizes
 * must come from our own pages, as with sessions.
 */
export function visitorFromCookie(
  request: Request,
  { mutation, chatbotId }: { mutation: boolean; chatbotId?: string },
): string | null {
  const cookies = request.headers.get("cookie");
  const secret = chatbotId ? visitorSecretFor(cookies, chatbotId) : visitorSecretFrom(cookies);
  if (secret && mutation) assertSameOrigin(request.headers, request.url, { required: true });
  return secret;
}
