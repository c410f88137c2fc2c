import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { cookieValues, hostCookieName, parseCookieHeader } from "@/lib/auth/cookies";
import { REPLY_LINK_PARAM } from "@/lib/constants";
import { derivedKey } from "@/lib/secret";

// The link in a reply email makes another browser the visitor at one bot. The visitor's secret
// (their cookie's, shared by every bot they chat with) travels sealed for that bot only: the token
// and the cookie it leaves hold it encrypted with the bot's id bound in, so neither the database,
// the email, nor the new browser learns the secret or who the visitor is at any other bot.

// Same lifetime as the visitor cookie (Chrome caps it at 400 days).
const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const uuidHex = (chatbotId: string) => chatbotId.replaceAll("-", "").toLowerCase();
const cookieName = (chatbotId: string) => `chatfolio_visitor_${uuidHex(chatbotId)}`;

const sealKey = () => derivedKey("chatfolio visitor link key");
const tokenKey = () => derivedKey("chatfolio reply link");

/** The visitor's secret sealed for one bot (AES-256-GCM, the bot's id as associated data). */
export function sealVisitorSecret(secret: string, chatbotId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(), iv).setAAD(Buffer.from(chatbotId));
  const sealed = Buffer.concat([iv, cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString("base64url");
}

/** The secret inside a value this server sealed for this bot; null for anything else. */
function openVisitorSecret(sealed: string, chatbotId: string): string | null {
  const bytes = Buffer.from(sealed, "base64url");
  if (bytes.length < 12 + 16 + 32) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealKey(), bytes.subarray(0, 12)).setAAD(Buffer.from(chatbotId));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

const signature = (payload: string) => createHmac("sha256", tokenKey()).update(payload).digest();

const tokenPayload = z.object({ b: z.uuid(), k: z.string().min(16).max(400), e: z.number().int() });

/** A reply link's token: the bot, the visitor's sealed secret and when it expires, signed by the server. */
export function replyLinkToken({
  chatbotId,
  sealed,
  expiresAt,
}: {
  chatbotId: string;
  sealed: string;
  expiresAt: Date;
}): string {
  const payload = Buffer.from(
    JSON.stringify({ b: chatbotId, k: sealed, e: Math.floor(expiresAt.getTime() / 1000) }),
  ).toString("base64url");
  return `${payload}.${signature(payload).toString("base64url")}`;
}

export type ReplyLink = { ok: true; chatbotId: string; sealed: string } | { ok: false; reason: "expired" | "invalid" };

/** What a token says, once its signature, its expiry and the seal inside have been checked. */
export function readReplyLinkToken(token: string, now = Date.now()): ReplyLink {
  const [payload, given, ...rest] = token.split(".");
  if (!payload || !given || rest.length > 0) return { ok: false, reason: "invalid" };
  const givenBytes = Buffer.from(given, "base64url");
  const expected = signature(payload);
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) {
    return { ok: false, reason: "invalid" };
  }
  let parsed: z.infer<typeof tokenPayload>;
  try {
    parsed = tokenPayload.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (parsed.e * 1000 <= now) return { ok: false, reason: "expired" };
  if (openVisitorSecret(parsed.k, parsed.b) === null) return { ok: false, reason: "invalid" };
  return { ok: true, chatbotId: parsed.b, sealed: parsed.k };
}

/**
 * The identity a reply link handed this browser at one bot: the secret inside its cookie, and the
 * sealed value itself, which counts only while the database still keeps it for that visitor
 * (visitorSecretAt in ./identity.ts asks). Null when the browser holds none for this bot.
 */
export function adoptedIdentity(
  cookieHeader: string | null,
  chatbotId: string,
): { secret: string; sealed: string } | null {
  // A `__Host-` cookie (over https) before one under the bare name, as for the visitor cookie.
  for (const { value: sealed } of cookieValues(parseCookieHeader(cookieHeader), cookieName(chatbotId))) {
    const secret = openVisitorSecret(sealed, chatbotId);
    if (secret) return { secret, sealed };
  }
  return null;
}

/**
 * For proxy.ts: a chat page opened from a reply link with a valid token adopts the visitor it
 * names at its bot, on the request itself (so this very render shows the conversation) and as the
 * Set-Cookie header to send back. Null when there is nothing to adopt; the page itself tells the
 * visitor when a token is expired or not valid. The proxy has no database: a link whose key was
 * revoked or erased still leaves its cookie, which then counts for nothing (adoptedIdentity).
 */
export function adoptReplyLink(request: NextRequest, secure: boolean): string | null {
  const token = request.nextUrl.searchParams.get(REPLY_LINK_PARAM);
  if (!token || !/^\/c\/[^/]+\/?$/.test(request.nextUrl.pathname)) return null;
  const link = readReplyLinkToken(token);
  if (!link.ok) return null;
  const name = hostCookieName(cookieName(link.chatbotId), secure);
  request.cookies.set(name, link.sealed);
  return [
    `${name}=${link.sealed}`,
    "Path=/",
    `Max-Age=${COOKIE_MAX_AGE_SECONDS}`,
    "HttpOnly",
    ...(secure ? ["Secure"] : []),
    "SameSite=Lax",
  ].join("; ");
}
