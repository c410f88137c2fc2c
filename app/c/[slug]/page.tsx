import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChatPage } from "@/components/chat/chat-page";
import { type ChatPageParams, chatPageData, chatPageMetadata } from "@/lib/chatbots/public-page";

export async function generateMetadata({ params }: ChatPageParams): Promise<Metadata> {
  return chatPageMetadata((await params).slug);
}

// GET /c/<slug> – a chatbot's public page: who it speaks for, and the chat
export default async function ChatbotPublicPage({ params }: ChatPageParams) {
  const data = await chatPageData((await params).slug);
  if (!data) notFound();
  return <ChatPage data={data} />;
}
