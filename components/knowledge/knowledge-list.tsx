import { BookOpen } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KNOWLEDGE_KIND_LABELS } from "@/lib/answer-sources";
import type { KnowledgeItem } from "@/lib/knowledge/schemas";
import { DeleteKnowledgeButton } from "./delete-knowledge-button";

const EXCERPT = 240;

export function KnowledgeList({ items, nextCursor }: { items: KnowledgeItem[]; nextCursor: string | null }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>What your chatbots know</CardTitle>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <EmptyState
            icon={BookOpen}
            title="Nothing here yet"
            description="Add an answer to a question visitors ask, a note, or a document: every chatbot of yours answers from them, beside your profile."
          />
        ) : (
          <ul className="grid divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="knowledge-list">
            {items.map((item) => (
              <li key={item.id} className="flex items-start gap-3 py-3">
                <Badge tone={item.kind === "qa" ? "accent" : "neutral"}>{KNOWLEDGE_KIND_LABELS[item.kind]}</Badge>
                <div className="grid min-w-0 flex-1 gap-1">
                  <p className="font-medium wrap-anywhere">{item.title}</p>
                  {item.source_url ? (
                    <a
                      href={item.source_url}
                      rel="noopener noreferrer nofollow"
                      target="_blank"
                      className="text-xs text-zinc-600 underline wrap-anywhere dark:text-zinc-400"
                    >
                      {item.source_url}
                    </a>
                  ) : null}
                  {item.original ? (
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">
                      Original kept ({Math.max(1, Math.round(item.original.size / 1024))} KB)
                    </p>
                  ) : null}
                  {item.alternatives.length > 0 ? (
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">Also: {item.alternatives.join(" · ")}</p>
                  ) : null}
                  <p className="text-sm text-zinc-700 wrap-anywhere dark:text-zinc-300">
                    {item.body.length > EXCERPT ? `${item.body.slice(0, EXCERPT)}…` : item.body}
                  </p>
                </div>
                <DeleteKnowledgeButton id={item.id} title={item.title} />
              </li>
            ))}
          </ul>
        )}
        {nextCursor ? (
          <div className="pt-3">
            <ButtonLink variant="secondary" href={`/dashboard/knowledge?cursor=${encodeURIComponent(nextCursor)}`}>
              Older items
            </ButtonLink>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
