import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { asVisitor, type Queryable } from "@/lib/db";
import { isVisitorLinkKept } from "@/lib/db/queries/visitors";
import { ApiError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/csrf";
import { currentHeaders } from "@/lib/http/request-facts";
import { visitorSecretFrom } from "./cookie";
import { adoptedIdentity } from "./reply-link";

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

/** Ids of the visitors of a public bot's MCP server (lib/mcp/bot-server.ts): the inbox tells them apart by it. */
export const MCP_VISITOR_PREFIX = "mcp-";

/** The visitor id of an MCP client at one bot: as webVisitorId, from the signed visitor it passes back. */
export function mcpVisitorId(secret: string, chatbotId: string): string {
  return `${MCP_VISITOR_PREFIX}${createHash("sha256").update(`mcp:${secret}:${chatbotId}`).digest("hex").slice(0, 32)}`;
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
 * The visitor's secret at one bot: the identity a reply link gave this browser there while its key
 * is still kept (not erased, not revoked), else the browser's own visitor cookie. Everything a
 * visitor does at a named bot reads it here; tx when the caller is inside a transaction already.
 */
export async function visitorSecretAt(
  cookieHeader: string | null,
  chatbotId: string,
  tx?: Queryable,
): Promise<string | null> {
  const adopted = adoptedIdentity(cookieHeader, chatbotId);
  if (adopted) {
    const check = (db: Queryable) =>
      isVisitorLinkKept(db, { chatbotId, visitorSecret: adopted.secret, sealed: adopted.sealed });
    if (await (tx ? check(tx) : asVisitor(check))) return adopted.secret;
  }
  return visitorSecretFrom(cookieHeader);
}

/**
 * A `web-` visitor id is accepted only from the browser whose cookie it was derived from, for the
 * bot it was derived for, and an `mcp-` one never (its signed visitor goes to the bot's MCP
 * server); integrations choose any other id freely.
 */
export async function assertWebVisitor(
  request: Request,
  visitorId: string,
  chatbotId: string | undefined,
): Promise<void> {
  if (visitorId.startsWith(MCP_VISITOR_PREFIX))
    throw new ApiError(
      "forbidden",
      `Visitor ids starting with "${MCP_VISITOR_PREFIX}" belong to the bots' MCP servers.`,
    );
  if (!visitorId.startsWith(WEB_VISITOR_PREFIX)) return;
  const secret = chatbotId ? await visitorSecretAt(request.headers.get("cookie"), chatbotId) : null;
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
export async function visitorFromCookie(
  request: Request,
  { mutation, chatbotId }: { mutation: boolean; chatbotId?: string },
): Promise<string | null> {
  const cookies = request.headers.get("cookie");
  const secret = chatbotId ? await visitorSecretAt(cookies, chatbotId) : visitorSecretFrom(cookies);
  if (secret && mutation) assertSameOrigin(request.headers, request.url, { required: true });
  return secret;
}
