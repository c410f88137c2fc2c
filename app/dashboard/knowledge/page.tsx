import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { KnowledgeForms } from "@/components/knowledge/knowledge-forms";
import { KnowledgeList } from "@/components/knowledge/knowledge-list";
import { KnowledgeUsageLine } from "@/components/knowledge/knowledge-usage";
import { requireUser } from "@/lib/auth/server";
import { getKnowledgeUsage, listKnowledge } from "@/lib/knowledge/use-cases";
import { cursorSchema } from "@/lib/validation/pagination";

export const metadata: Metadata = { title: "Knowledge" };

interface KnowledgePageProps {
  searchParams: Promise<{ cursor?: string }>;
}

export default async function KnowledgePage({ searchParams }: KnowledgePageProps) {
  const user = await requireUser("/dashboard/knowledge");
  const cursor = cursorSchema.safeParse((await searchParams).cursor);
  const [page, usage] = await Promise.all([
    listKnowledge(user, { limit: 50, cursor: cursor.success ? cursor.data : undefined }),
    getKnowledgeUsage(user),
  ]);
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Knowledge"
        description="What your chatbots know beyond your profile: answers to questions visitors ask, notes, documents."
      />
      <KnowledgeUsageLine usage={usage} />
      <KnowledgeForms />
      <KnowledgeList items={page.items} nextCursor={page.next_cursor} />
    </div>
  );
}
