import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { accentStyle } from "@/components/chat/accent";
import { BotHeader } from "@/components/chat/bot-header";
import { Chat } from "@/components/chat/chat";
import { PrivateBanner } from "@/components/chat/private-banner";
import { type ChatPageParams, chatPageData, chatPageMetadata } from "@/lib/chatbots/public-page";

export async function generateMetadata({ params }: ChatPageParams): Promise<Metadata> {
  return chatPageMetadata((await params).slug);
}

// GET /c/<slug> – a chatbot's public page: who it speaks for, and the chat
export default async function ChatbotPublicPage({ params }: ChatPageParams) {
  const data = await chatPageData((await params).slug);
  if (!data) notFound();
  return (
    <main style={accentStyle(data.accent)} className="mx-auto flex min-h-dvh w-full max-w-2xl flex-col px-4 sm:px-6">
      {data.preview && <PrivateBanner />}
      <div className="border-b border-zinc-200 py-6 dark:border-zinc-800">
        <BotHeader bot={data.bot} />
      </div>
      <div className="flex flex-1 flex-col pt-6">
        <Chat {...data.chat} />
      </div>
      <footer className="pb-4 text-center text-xs text-zinc-400 dark:text-zinc-500">
        <a href="/" className="hover:text-zinc-600 dark:hover:text-zinc-300">
          Made with Chatfolio
        </a>
      </footer>
    </main>
  );
}
