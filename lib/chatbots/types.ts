// What the chatbot editor's components need beyond the API's schemas.

/** The editor's live slug check: whether a slug may be the chatbot's, and why not. */
export type SlugAvailability = "available" | "taken" | "reserved" | "invalid";

/** What a bot's public page, its embed and its link card show: the bot, and who it speaks for. */
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
