import "server-only";
import { cache } from "react";
import type { Caller } from "@/lib/auth";
import { getCurrentUser } from "@/lib/auth/server";
import { type ChatbotPage, isWellFormedSlug } from "@/lib/chatbots/public-page";
import { asOwner, asVisitor, type Queryable } from "@/lib/db";
import type { PastConversation } from "./conversation";
import { webVisitorId } from "./identity";

export interface PublicChat {
  bot: ChatbotPage;
  /** A private bot, shown to its owner only, as a preview. */
  preview: boolean;
  /** This visitor's latest conversation with the bot, if they have one. */
  past: PastConversation | null;
}

async function read(
  tx: Queryable,
  slug: string,
  visitorSecret: string | null,
): Promise<Omit<PublicChat, "preview"> | null> {
  const [bot] = await tx.query<ChatbotPage>("select * from private.chatbot_page($1)", [slug]);
  if (!bot) return null;
  if (!visitorSecret) return { bot, past: null };
  const [{ past }] = await tx.query<{ past: PastConversation | null }>(
    "select private.visitor_conversation($1, $2) as past",
    [bot.id, webVisitorId(visitorSecret, bot.id)],
  );
  return { bot, past };
}

async function readAsOwner(caller: Caller, slug: string, visitorSecret: string | null) {
  return asOwner(caller.claims, (tx) => read(tx, slug, visitorSecret));
}

/**
 * Everything /c/<slug> renders, in one database transaction. Public bots are looked up as an
 * anonymous visitor, so their pages never wait on auth; only when that finds nothing is the
 * signed-in owner asked for, to preview their own private bot. Null means the 404 page.
 */
export const loadPublicChat = cache(async (slug: string, visitorSecret: string | null): Promise<PublicChat | null> => {
  if (!isWellFormedSlug(slug)) return null;
  const asAnyone = await asVisitor((tx) => read(tx, slug, visitorSecret));
  if (asAnyone) return { ...asAnyone, preview: false };
  const caller = await getCurrentUser();
  if (!caller) return null;
  const asOwnerOfBot = await readAsOwner(caller, slug, visitorSecret);
  return asOwnerOfBot ? { ...asOwnerOfBot, preview: !asOwnerOfBot.bot.is_public } : null;
});
