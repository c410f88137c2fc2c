import "server-only";
import type { Metadata } from "next";
import { resolveConfiguration } from "@/lib/chatbots/configuration";
import { currentVisitorSecret, guestVisitorId, webVisitorId } from "@/lib/visitors/identity";
import { loadPublicChat, type PublicChat } from "@/lib/visitors/public-chat";
import { siteOrigin } from "@/lib/visitors/site-origin";
import type { ChatProps } from "./types";

export type ChatPageParams = { params: Promise<{ slug: string }> };

/** The page's chat and this visitor's id; null means the 404 page. */
export async function chatPageData(slug: string): Promise<(PublicChat & { chat: ChatProps; accent: string }) | null> {
  const secret = await currentVisitorSecret();
  const loaded = await loadPublicChat(slug, secret);
  if (!loaded) return null;
  const configuration = resolveConfiguration(loaded.bot.configuration);
  return {
    ...loaded,
    accent: configuration.theme.accent_color,
    chat: {
      chatbotId: loaded.bot.id,
      botName: loaded.bot.name,
      welcomeMessage: configuration.welcome_message,
      starterQuestions: configuration.starter_questions,
      visitorId: secret ? webVisitorId(secret, loaded.bot.id) : guestVisitorId(),
      past: loaded.past,
    },
  };
}

/** Title, description, canonical URL and Open Graph card from the bot. */
export async function chatPageMetadata(slug: string): Promise<Metadata> {
  const loaded = await loadPublicChat(slug, await currentVisitorSecret());
  if (!loaded) return { title: "Chatbot not found", robots: { index: false } };
  const { bot, preview } = loaded;
  const description =
    bot.description ?? (bot.owner_name ? `Ask ${bot.owner_name}'s AI assistant about their work.` : undefined);
  const canonical = `/c/${bot.public_url_slug}`;
  return {
    metadataBase: await siteOrigin(),
    title: bot.name,
    description,
    alternates: { canonical },
    openGraph: { type: "website", siteName: "Chatfolio", title: bot.name, description, url: canonical },
    twitter: { card: "summary_large_image", title: bot.name, description },
    robots: preview ? { index: false, follow: false } : undefined,
  };
}
