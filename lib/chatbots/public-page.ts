import "server-only";
import { asVisitor } from "@/lib/db";

export interface ChatbotPage {
  id: string;
  user_id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  configuration: Record<string, unknown>;
  public_url_slug: string;
  owner_name: string | null;
  owner_location: string | null;
  owner_bio: string | null;
}

/**
 * Whether a path segment can name a chatbot at all (the stored format, any case: lookups
 * lower-case). Anything else never reaches the database, which would choke on a NUL byte.
 */
export function isWellFormedSlug(slug: string): boolean {
  return slug.length <= 64 && /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/.test(slug);
}

/** What /c/<slug> shows a visitor; null for an unknown slug or a private bot. */
export async function findPublicChatbotPage(slug: string): Promise<ChatbotPage | null> {
  if (!isWellFormedSlug(slug)) return null;
  const [page] = await asVisitor((tx) => tx.query<ChatbotPage>("select * from private.chatbot_page($1)", [slug]));
  return page ?? null;
}
