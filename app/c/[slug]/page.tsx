import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { findPublicChatbotPage } from "@/lib/chatbots/public-page";

// One lookup shared by generateMetadata and the page within a request.
const loadPage = cache(findPublicChatbotPage);

type SlugPageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: SlugPageProps): Promise<Metadata> {
  const page = await loadPage((await params).slug);
  if (!page) return { title: "Chatbot not found" };
  return { title: page.name, description: page.description ?? undefined };
}

export default async function ChatbotPublicPage({ params }: SlugPageProps) {
  const page = await loadPage((await params).slug);
  if (!page) notFound();
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-semibold" data-testid="chatbot-name">
        {page.name}
      </h1>
      {page.description && <p className="mt-2 text-zinc-600 dark:text-zinc-400">{page.description}</p>}
      {page.owner_name && (
        <p className="mt-4 text-sm text-zinc-500">
          About {page.owner_name}
          {page.owner_location ? ` · ${page.owner_location}` : ""}
        </p>
      )}
    </main>
  );
}
