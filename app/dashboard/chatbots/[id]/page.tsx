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
import { publicPageUrl, widgetScriptUrl } from "@/lib/chatbots/links";
import { asOwner } from "@/lib/db";
import { getChatbotKnowledge } from "@/lib/db/queries/chatbot-knowledge";
import { findChatbot } from "@/lib/db/queries/chatbots";
import { listKnowledgeChoices } from "@/lib/db/queries/knowledge";
import { uuidSchema } from "@/lib/validation/common";
import { CHATBOT_KNOWLEDGE_ITEMS_MAX } from "@/lib/validation/knowledge";

export const metadata: Metadata = { title: "Chatbot" };

interface ChatbotPageProps {
  params: Promise<{ id: string }>;
}

// Another owner's chatbot (hidden by RLS) and a malformed id both read as "not found".
export default async function ChatbotPage({ params }: ChatbotPageProps) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/chatbots/${id}`);
  if (!uuidSchema.safeParse(id).success) notFound();
  const loaded = await asOwner(user.claims, async (tx) => {
    const chatbot = await findChatbot(tx, id);
    if (!chatbot) return null;
    return {
      chatbot,
      knowledge: await getChatbotKnowledge(tx, { chatbotId: id }),
      items: await listKnowledgeChoices(tx, { limit: CHATBOT_KNOWLEDGE_ITEMS_MAX }),
    };
  });
  if (!loaded?.knowledge) notFound();
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
