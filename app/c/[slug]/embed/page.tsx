import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChatPage } from "@/components/chat/chat-page";
import { type ChatPageParams, chatPageData, chatPageMetadata } from "@/lib/chatbots/public-page";

export async function generateMetadata({ params }: ChatPageParams): Promise<Metadata> {
  return { ...(await chatPageMetadata((await params).slug)), robots: { index: false } };
}

// GET /c/<slug>/embed – the chat alone, for the widget's iframe (any site may frame it: next.config.ts)
export default async function ChatbotEmbedPage({ params }: ChatPageParams) {
  const data = await chatPageData((await params).slug);
  if (!data) notFound();
  return <ChatPage data={data} embed />;
}
