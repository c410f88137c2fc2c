import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChatPage } from "@/components/chat/chat-page";
import { DropReplyLink } from "@/components/chat/drop-reply-link";
import { type ChatPageParams, chatPageData, chatPageMetadata } from "@/lib/chatbots/public-page";
import { REPLY_LINK_PARAM } from "@/lib/constants";

export async function generateMetadata({ params }: ChatPageParams): Promise<Metadata> {
  return chatPageMetadata((await params).slug);
}

// GET /c/<slug> – a chatbot's public page: who it speaks for, and the chat
export default async function ChatbotPublicPage({
  params,
  searchParams,
}: ChatPageParams & { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = (await searchParams)[REPLY_LINK_PARAM];
  const data = await chatPageData((await params).slug, { replyLink: typeof token === "string" ? token : undefined });
  if (!data) notFound();
  return (
    <>
      {typeof token === "string" && <DropReplyLink />}
      <ChatPage data={data} />
    </>
  );
}
