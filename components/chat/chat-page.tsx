import type { chatPageData } from "@/lib/chatbots/public-page";
import { accentStyle } from "./accent";
import { BotHeader } from "./bot-header";
import { Chat } from "./chat";
import { CloseOnEscape } from "./close-on-escape";
import { PrivateBanner } from "./private-banner";
import { ReplyLinkBanner } from "./reply-link-banner";

type ChatPageData = NonNullable<Awaited<ReturnType<typeof chatPageData>>>;

/** The public chat page, or (embed) the same chat without page chrome for the widget's iframe. */
export function ChatPage({ data, embed = false }: { data: ChatPageData; embed?: boolean }) {
  const layout = embed
    ? "flex min-h-dvh w-full flex-col px-3"
    : "mx-auto flex min-h-dvh w-full max-w-2xl flex-col px-4 sm:px-6";
  return (
    <main style={accentStyle(data.accent)} className={layout}>
      {data.preview && <PrivateBanner />}
      {data.notice && <ReplyLinkBanner notice={data.notice} />}
      <div className={`border-b border-zinc-200 dark:border-zinc-800 ${embed ? "py-3" : "py-6"}`}>
        <BotHeader bot={data.bot} compact={embed} />
      </div>
      <div className={`flex flex-1 flex-col ${embed ? "pt-3" : "pt-6"}`}>
        <Chat {...data.chat} />
      </div>
      {embed ? (
        <CloseOnEscape />
      ) : (
        <footer className="pb-4 text-center text-xs text-zinc-400 dark:text-zinc-500">
          <a href="/" className="hover:text-zinc-600 dark:hover:text-zinc-300">
            Made with Chatfolio
          </a>
        </footer>
      )}
    </main>
  );
}
