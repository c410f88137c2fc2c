import type { ChatbotPage } from "@/lib/chatbots/types";

/** The first sentence of the owner's bio, short enough for one line under their name. */
export function bioLine(bio: string | null, max = 160): string | null {
  const text = bio?.replace(/\s+/g, " ").trim();
  if (!text) return null;
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).trimEnd()}…`;
}

/** Who the bot speaks for: its name and description, the owner's name, location and bio line. */
export function BotHeader({ bot, compact = false }: { bot: ChatbotPage; compact?: boolean }) {
  const initial = (bot.owner_name ?? bot.name).trim().charAt(0).toUpperCase() || "?";
  const about = bioLine(bot.owner_bio);
  return (
    <header className="flex items-start gap-3">
      <span
        aria-hidden="true"
        className={`${compact ? "size-9 text-base" : "size-12 text-xl"} grid shrink-0 place-items-center rounded-full bg-(--accent) font-semibold text-(--accent-fg)`}
      >
        {initial}
      </span>
      <div className="min-w-0">
        <h1
          data-testid="chatbot-name"
          className={`${compact ? "text-base" : "text-xl sm:text-2xl"} font-semibold tracking-tight text-balance`}
        >
          {bot.name}
        </h1>
        {bot.description && !compact && (
          <p className="mt-1 text-zinc-600 dark:text-zinc-400" data-testid="chatbot-description">
            {bot.description}
          </p>
        )}
        {bot.owner_name && (
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400" data-testid="owner-line">
            About <span className="font-medium text-zinc-700 dark:text-zinc-300">{bot.owner_name}</span>
            {bot.owner_location ? ` · ${bot.owner_location}` : ""}
          </p>
        )}
        {about && !compact && <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{about}</p>}
      </div>
    </header>
  );
}
