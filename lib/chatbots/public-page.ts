import "server-only";
import type { Metadata } from "next";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/server";
import { resolveConfiguration } from "@/lib/chatbots/configuration";
import type { ChatbotPage } from "@/lib/chatbots/types";
import { asOwner, asVisitor, type Queryable } from "@/lib/db";
import { findChatbotPage } from "@/lib/db/queries/chatbots";
import { findVisitorConversation } from "@/lib/db/queries/visitors";
import { getEnv } from "@/lib/env";
import type { ChatProps, PastConversation } from "@/lib/visitors/conversation";
import { currentCookieHeader, guestVisitorId, visitorSecretAt, webVisitorId } from "@/lib/visitors/identity";
import { readReplyLinkToken } from "@/lib/visitors/reply-link";

// Everything the public chat page /c/<slug> (and its embed and link card) reads.

export type ChatPageParams = { params: Promise<{ slug: string }> };

/**
 * Whether a path segment can name a chatbot at all (the stored format, any case: lookups
 * lower-case). Anything else never reaches the database, which would choke on a NUL byte.
 */
function isWellFormedSlug(slug: string): boolean {
  return slug.length <= 64 && /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(slug);
}

interface PublicChat {
  bot: ChatbotPage;
  /** A private bot, shown to its owner only, as a preview. */
  preview: boolean;
  /** This visitor's latest conversation with the bot, if they have one. */
  past: PastConversation | null;
  /** The visitor's secret at this bot (their cookie's, or one a reply link gave them here). */
  visitorSecret: string | null;
}

async function read(tx: Queryable, slug: string, cookieHeader: string | null) {
  const bot = await findChatbotPage(tx, slug);
  if (!bot) return null;
  const visitorSecret = await visitorSecretAt(cookieHeader, bot.id, tx);
  const past = visitorSecret ? await findVisitorConversation(tx, { chatbotId: bot.id, visitorSecret }) : null;
  return { bot, past, visitorSecret };
}

/**
 * Everything /c/<slug> renders, in one database transaction. Public bots are looked up as an
 * anonymous visitor, so their pages never wait on auth; only when that finds nothing is the
 * signed-in owner asked for, to preview their own private bot. Null means the 404 page.
 */
const loadPublicChat = cache(async (slug: string, cookieHeader: string | null): Promise<PublicChat | null> => {
  if (!isWellFormedSlug(slug)) return null;
  const asAnyone = await asVisitor((tx) => read(tx, slug, cookieHeader));
  if (asAnyone) return { ...asAnyone, preview: false };
  const caller = await getCurrentUser();
  if (!caller) return null;
  const asOwnerOfBot = await asOwner(caller.claims, (tx) => read(tx, slug, cookieHeader));
  return asOwnerOfBot ? { ...asOwnerOfBot, preview: !asOwnerOfBot.bot.is_public } : null;
});

/**
 * What the page tells a visitor who came from a reply email's link (`?r=`, adopted by proxy.ts):
 * the link expired or isn't one of ours, or the conversation it opens has been deleted since.
 */
export type ReplyLinkNotice = "expired" | "invalid" | "gone";

function replyLinkNotice(token: string | undefined, loaded: PublicChat): ReplyLinkNotice | null {
  if (token === undefined) return null;
  const link = readReplyLinkToken(token);
  if (!link.ok) return link.reason;
  if (link.chatbotId !== loaded.bot.id) return "invalid";
  return loaded.past ? null : "gone";
}

/** The page's chat and this visitor's id; null means the 404 page. */
export async function chatPageData(
  slug: string,
  { replyLink }: { replyLink?: string } = {},
): Promise<
  (Omit<PublicChat, "visitorSecret"> & { chat: ChatProps; accent: string; notice: ReplyLinkNotice | null }) | null
> {
  const loaded = await loadPublicChat(slug, await currentCookieHeader());
  if (!loaded) return null;
  // The secret stays on the server: only the id derived from it goes to the page.
  const { visitorSecret: secret, ...shown } = loaded;
  const configuration = resolveConfiguration(loaded.bot.configuration);
  return {
    ...shown,
    notice: replyLinkNotice(replyLink, loaded),
    accent: configuration.theme.accent_color,
    chat: {
      chatbotId: loaded.bot.id,
      botName: loaded.bot.name,
      welcomeMessage: configuration.welcome_message,
      starterQuestions: configuration.starter_questions,
      contactForm: configuration.contact_form,
      visitorId: secret ? webVisitorId(secret, loaded.bot.id) : guestVisitorId(),
      past: loaded.past,
    },
  };
}

/** Title, description, canonical URL and Open Graph card from the bot. */
export async function chatPageMetadata(slug: string): Promise<Metadata> {
  const loaded = await loadPublicChat(slug, await currentCookieHeader());
  if (!loaded) return { title: "Chatbot not found", robots: { index: false } };
  const { bot, preview } = loaded;
  const description =
    bot.description ?? (bot.owner_name ? `Ask ${bot.owner_name}'s AI assistant about their work.` : undefined);
  const canonical = `/c/${bot.public_url_slug}`;
  return {
    metadataBase: getEnv().siteUrl,
    title: bot.name,
    description,
    alternates: { canonical },
    openGraph: { type: "website", siteName: "Chatfolio", title: bot.name, description, url: canonical },
    twitter: { card: "summary_large_image", title: bot.name, description },
    robots: preview ? { index: false, follow: false } : undefined,
  };
}

/** A public chatbot for its link card; null for an unknown slug or a private bot (crawlers are never owners). */
export async function findPublicChatbot(slug: string): Promise<ChatbotPage | null> {
  if (!isWellFormedSlug(slug)) return null;
  return asVisitor((tx) => findChatbotPage(tx, slug));
}
