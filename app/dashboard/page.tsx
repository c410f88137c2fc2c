import { Bot, ExternalLink, MessageCircleQuestion, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { OnboardingChecklist } from "@/components/dashboard/onboarding-checklist";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/server";
import { publicPageUrl } from "@/lib/chatbots/links";
import { showOverview } from "@/lib/dashboard/use-cases";

export const metadata: Metadata = { title: "Overview" };

const NEW_CHATBOT_PATH = "/dashboard/chatbots/new";

// The owner's overview: their chatbots with this week's activity, and, until a new owner has a
// shared, working bot, the steps to one (showOverview).
export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const { chatbots, activity, progress, waiting, onboarding } = await showOverview(user);
  const first = chatbots[0];
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.email}`}
        description="Your chatbots, and the pages where visitors meet them."
        actions={
          chatbots.length > 0 ? (
            <ButtonLink href={NEW_CHATBOT_PATH}>
              <Plus aria-hidden />
              New chatbot
            </ButtonLink>
          ) : null
        }
      />
      <div className="grid gap-6">
        {onboarding ? (
          <OnboardingChecklist
            progress={progress}
            firstChatbotHref={first ? `/dashboard/chatbots/${first.id}` : null}
          />
        ) : null}
        {waiting > 0 ? (
          <Card data-testid="waiting-questions">
            <CardContent className="flex flex-wrap items-center justify-between gap-3 pt-6">
              <p className="flex items-center gap-2 text-sm">
                <MessageCircleQuestion aria-hidden className="size-5 shrink-0 text-amber-600" />
                <span>
                  <strong className="tabular-nums">{waiting}</strong>{" "}
                  {waiting === 1
                    ? "question your bots couldn't answer waits"
                    : "questions your bots couldn't answer wait"}{" "}
                  for you.
                </span>
              </p>
              <ButtonLink variant="secondary" href="/dashboard/questions">
                Answer them
              </ButtonLink>
            </CardContent>
          </Card>
        ) : null}
        {chatbots.length === 0 ? (
          <Card>
            <CardContent className="pt-6">
              <EmptyState
                icon={Bot}
                headingLevel={2}
                title="You have no chatbots yet"
                description="Create one: it answers visitors' questions about you from your profile, on a page you can share or embed on your site."
                action={
                  <ButtonLink href={NEW_CHATBOT_PATH}>
                    <Plus aria-hidden />
                    Create a chatbot
                  </ButtonLink>
                }
              />
            </CardContent>
          </Card>
        ) : (
          <section aria-labelledby="chatbots-heading" className="grid gap-3">
            <h2 id="chatbots-heading" className="text-lg font-semibold">
              Your chatbots
            </h2>
            <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
              {chatbots.map((chatbot) => {
                const counts = activity.get(chatbot.id) ?? { messagesLast7Days: 0, unread: 0 };
                return (
                  <li key={chatbot.id}>
                    <Card className="h-full" data-testid="chatbot-card">
                      <CardHeader>
                        <div className="flex items-start justify-between gap-2">
                          <CardTitle as="h3" className="wrap-anywhere">
                            <Link href={`/dashboard/chatbots/${chatbot.id}`} className="hover:underline">
                              {chatbot.name}
                            </Link>
                          </CardTitle>
                          <Badge tone={chatbot.is_public ? "success" : "neutral"}>
                            {chatbot.is_public ? "Public" : "Private"}
                          </Badge>
                        </div>
                      </CardHeader>
                      <CardContent className="grid gap-3">
                        <dl className="grid grid-cols-2 gap-2 text-sm">
                          <div>
                            <dt className="text-zinc-600 dark:text-zinc-400">Messages, 7 days</dt>
                            <dd className="text-lg font-semibold tabular-nums">{counts.messagesLast7Days}</dd>
                          </div>
                          <div>
                            <dt className="text-zinc-600 dark:text-zinc-400">Unread</dt>
                            <dd className="text-lg font-semibold tabular-nums">
                              {counts.unread > 0 ? (
                                <Link
                                  href={`/dashboard/inbox?chatbot=${chatbot.id}&unread=1`}
                                  className="underline underline-offset-2"
                                >
                                  {counts.unread}
                                </Link>
                              ) : (
                                0
                              )}
                            </dd>
                          </div>
                        </dl>
                        <a
                          href={publicPageUrl(chatbot.public_url_slug)}
                          target="_blank"
                          rel="noopener"
                          className="inline-flex items-center gap-1 text-sm break-all text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
                        >
                          /c/{chatbot.public_url_slug}
                          <ExternalLink aria-hidden className="size-3.5 shrink-0" />
                          <span className="sr-only">(public page, opens in a new tab)</span>
                        </a>
                      </CardContent>
                    </Card>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
