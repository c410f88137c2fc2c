import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChatbotForm } from "@/components/chatbots/chatbot-form";
import { DeleteChatbot } from "@/components/chatbots/delete-chatbot";
import { valuesOf } from "@/components/chatbots/editor-values";
import { KnowledgeScopeForm } from "@/components/chatbots/knowledge-scope-form";
import { SharePanel } from "@/components/chatbots/share-panel";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { selectableModels } from "@/lib/ai/models";
import { requireUser } from "@/lib/auth/server";
import { botMcpUrl, publicPageUrl, widgetScriptUrl } from "@/lib/chatbots/links";
import { chatbotEditor } from "@/lib/chatbots/use-cases";
import { uuidSchema } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Chatbot" };

interface ChatbotPageProps {
  params: Promise<{ id: string }>;
}

// Another owner's chatbot (hidden by RLS) and a malformed id both read as "not found".
export default async function ChatbotPage({ params }: ChatbotPageProps) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/chatbots/${id}`);
  if (!uuidSchema.safeParse(id).success) notFound();
  const loaded = await chatbotEditor(user, { id });
  if (!loaded) notFound();
  const { chatbot, knowledge, items } = loaded;
  return (
    <div className="grid gap-6">
      <PageHeader
        title={chatbot.name}
        description={
          <span className="inline-flex items-center gap-2">
            <Badge tone={chatbot.is_public ? "success" : "neutral"}>{chatbot.is_public ? "Public" : "Private"}</Badge>
            /c/{chatbot.public_url_slug}
          </span>
        }
        actions={
          <ButtonLink variant="secondary" href={`/dashboard/chatbots/${chatbot.id}/analytics`}>
            <BarChart3 aria-hidden />
            Analytics
          </ButtonLink>
        }
      />
      <SharePanel
        pageUrl={publicPageUrl(chatbot.public_url_slug)}
        widgetUrl={widgetScriptUrl()}
        mcpUrl={botMcpUrl(chatbot.public_url_slug)}
        slug={chatbot.public_url_slug}
        accentColor={chatbot.configuration.theme.accent_color}
        isPublic={chatbot.is_public}
      />
      <ChatbotForm chatbotId={chatbot.id} initial={valuesOf(chatbot)} models={selectableModels()} />
      <KnowledgeScopeForm chatbotId={chatbot.id} initial={knowledge} items={items} />
      <DeleteChatbot id={chatbot.id} name={chatbot.name} />
    </div>
  );
}
