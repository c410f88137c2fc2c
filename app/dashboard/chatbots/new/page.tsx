import type { Metadata } from "next";
import { ChatbotForm } from "@/components/chatbots/chatbot-form";
import { valuesOf } from "@/components/chatbots/editor-values";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireUser } from "@/lib/auth/server";
import { CONFIGURATION_DEFAULTS } from "@/lib/chatbots/configuration";
import { selectableModels } from "@/lib/chatbots/links";

export const metadata: Metadata = { title: "New chatbot" };

export default async function NewChatbotPage() {
  await requireUser("/dashboard/chatbots/new");
  const initial = valuesOf({
    id: "",
    name: "",
    description: null,
    is_public: true,
    public_url_slug: "",
    configuration: { ...CONFIGURATION_DEFAULTS },
  });
  return (
    <>
      <PageHeader
        title="New chatbot"
        description="It answers visitors' questions about you from your profile, on a page you can share or embed."
      />
      <ChatbotForm chatbotId={null} initial={initial} models={selectableModels()} />
    </>
  );
}
