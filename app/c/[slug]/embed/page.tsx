import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { accentStyle } from "@/components/chat/accent";
import { BotHeader } from "@/components/chat/bot-header";
import { Chat } from "@/components/chat/chat";
import { CloseOnEscape } from "@/components/chat/close-on-escape";
import { PrivateBanner } from "@/components/chat/private-banner";
import { type ChatPageParams, chatPageData, chatPageMetadata } from "@/lib/chatbots/public-page";

export async function generateMetadata({ params }: ChatPageParams): Promise<Metadata> {
  return { ...(await chatPageMetadata((await params).slug)), robots: { index: false } };
}

// GET /c/<slug>/embed – the chat alone, for the widget's iframe (any site may frame it: next.config.ts)
export default async function ChatbotEmbedPage({ params }: ChatPageParams) {
  const data = await chatPageData((await params).slug);
  if (!data) notFound();
  return (
    <main style={accentStyle(data.accent)} className="flex min-h-dvh w-full flex-col px-3">
      {data.preview && <PrivateBanner />}
      <div className="border-b border-zinc-200 py-3 dark:border-zinc-800">
        <BotHeader bot={data.bot} compact />
      </div>
      <div className="flex flex-1 flex-col pt-3">
        <Chat {...data.chat} />
      </div>
      <CloseOnEscape />
    </main>
  );
}
