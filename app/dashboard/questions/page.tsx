import { MessageCircleQuestion } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { QuestionCard } from "@/components/questions/question-card";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/server";
import { listWaitingQuestions } from "@/lib/questions/use-cases";

export const metadata: Metadata = { title: "Questions" };

export default async function QuestionsPage() {
  const user = await requireUser("/dashboard/questions");
  const groups = await listWaitingQuestions(user, { limit: 100 });
  return (
    <>
      <PageHeader
        title="Questions your bots couldn't answer"
        description="Most asked first. Answer one once and every chatbot of yours gives that answer from then on, however visitors word it."
      />
      {groups.length === 0 ? (
        <Card>
          <CardContent className="pt-6">
            <EmptyState
              icon={MessageCircleQuestion}
              title="Nothing waiting"
              description="When a visitor asks something your profile and knowledge don't cover, it shows up here, grouped with others who asked the same."
            />
          </CardContent>
        </Card>
      ) : (
        <ul className="grid gap-4" data-testid="question-groups">
          {groups.map((group) => (
            <li key={group.question}>
              <QuestionCard group={group} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
