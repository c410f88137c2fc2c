import { ChartNoAxesColumn } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartCard, Stat } from "@/components/analytics/chart-card";
import { BarsChart, DailyChart, ShareChart } from "@/components/analytics/charts";
import { DataTable } from "@/components/analytics/data-table";
import { PageHeader } from "@/components/dashboard/page-header";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ANALYTICS_RANGES, analyticsRange } from "@/lib/analytics/schemas";
import { showChatbotAnalytics } from "@/lib/analytics/use-cases";
import { requireUser } from "@/lib/auth/server";
import { uuidSchema } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Analytics" };

const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${((part / whole) * 100).toFixed(1)}%`);

// A bot's traffic over the last 7, 30 or 90 days, summed in SQL from the per-day rollups
// (showChatbotAnalytics); the page lays it out.
export default async function AnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const user = await requireUser("/dashboard");
  if (!uuidSchema.safeParse(id).success) notFound();
  const days = analyticsRange((await searchParams).days);
  const shown = await showChatbotAnalytics(user, { chatbotId: id, days });
  if (!shown) notFound();
  const { chatbot, analytics, turns, visitorDays, byWeekday, byHour, busiest } = shown;
  const { totals } = analytics;

  return (
    <>
      <PageHeader
        title={`Analytics: ${chatbot.name}`}
        description="Days and hours are UTC. Previews are left out; refused turns are counted apart."
        actions={
          <nav aria-label="Range" className="flex gap-1">
            {ANALYTICS_RANGES.map((range) => (
              <ButtonLink
                key={range}
                href={`/dashboard/chatbots/${id}/analytics?days=${range}`}
                variant={range === days ? "primary" : "ghost"}
                size="sm"
                aria-current={range === days ? "page" : undefined}
              >
                {range} days
              </ButtonLink>
            ))}
          </nav>
        }
      />
      {turns === 0 ? (
        <EmptyState
          icon={ChartNoAxesColumn}
          title={`No messages in the last ${days} days`}
          description={
            <>
              Charts appear once visitors chat with {chatbot.name}. Share its page{" "}
              <Link className="underline" href={`/c/${chatbot.public_url_slug}`}>
                /c/{chatbot.public_url_slug}
              </Link>
              , or pick a longer range.
            </>
          }
        />
      ) : (
        <div className="grid gap-6">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
            <Stat
              label="Messages"
              value={totals.messages.toLocaleString("en")}
              hint={`${visitorDays.toLocaleString("en")} visitor-days`}
            />
            <Stat
              label="Median answer time"
              value={analytics.medianLatencyMs === null ? "–" : `${(analytics.medianLatencyMs / 1000).toFixed(2)} s`}
              hint="Estimated from a latency histogram"
            />
            <Stat
              label="Failed answers"
              value={percent(totals.failed, totals.messages)}
              hint={`${totals.failed} of ${totals.messages} messages`}
            />
            <Stat
              label="Couldn't answer"
              value={percent(totals.unanswered, totals.answered)}
              hint={`${totals.unanswered} of ${totals.answered} answers`}
            />
            <Stat
              label="Refused (rate limit)"
              value={percent(totals.refused, turns)}
              hint={`${totals.refused} of ${turns} turns`}
            />
            <Stat
              label="Visitor feedback"
              value={`${totals.thumbs_up} up · ${totals.thumbs_down} down`}
              hint={`${percent(totals.thumbs_up, totals.thumbs_up + totals.thumbs_down)} of rated answers helpful`}
            />
          </div>
          <ChartCard
            title="Messages and visitors per day"
            description="Visitors are counted once per day they chatted."
            figureLabel="Line chart of messages, visitors and refused turns per day"
            chart={<DailyChart data={analytics.daily} />}
            table={
              <DataTable
                rows={analytics.daily}
                rowKey={(row) => row.day}
                columns={[
                  { header: "Day", cell: (row) => row.day },
                  { header: "Messages", cell: (row) => row.messages },
                  { header: "Visitors", cell: (row) => row.visitors },
                  { header: "Refused", cell: (row) => row.refused },
                  { header: "Thumbs up", cell: (row) => row.thumbs_up },
                  { header: "Thumbs down", cell: (row) => row.thumbs_down },
                ]}
              />
            }
          />
          <ChartCard
            title={<>Couldn&apos;t answer, per day</>}
            description={
              <>
                The share of answers where the profile and knowledge had nothing relevant. It falls as you answer the{" "}
                <Link className="underline" href="/dashboard/questions">
                  questions waiting
                </Link>
                .
              </>
            }
            figureLabel="Line chart of the share of questions the bot couldn't answer per day"
            chart={<ShareChart data={analytics.daily} />}
            table={
              <DataTable
                rows={analytics.daily.filter((row) => row.answered > 0)}
                rowKey={(row) => row.day}
                rowTestId="unanswered-day"
                columns={[
                  { header: "Day", cell: (row) => row.day },
                  { header: "Answers", cell: (row) => row.answered },
                  { header: <>Couldn&apos;t answer</>, cell: (row) => row.unanswered },
                  { header: "Share", cell: (row) => percent(row.unanswered, row.answered) },
                ]}
              />
            }
          />
          <div className="grid gap-6 lg:grid-cols-2">
            <ChartCard
              title="Busiest days of the week"
              description={`Busiest hours: ${
                busiest.length === 0 ? "none yet" : busiest.map((row) => `${row.label} (${row.messages})`).join(", ")
              }`}
              figureLabel="Bar chart of messages per weekday"
              chart={<BarsChart data={byWeekday} name="Messages" />}
            />
            <ChartCard
              title="Busiest hours of the day"
              description="Messages per UTC hour, all weekdays together."
              figureLabel="Bar chart of messages per hour of the day"
              chart={<BarsChart data={byHour} name="Messages" />}
            />
          </div>
          <Card>
            <CardHeader>
              <CardTitle>Most asked questions</CardTitle>
              <CardDescription>Grouped ignoring case, punctuation and spacing.</CardDescription>
            </CardHeader>
            <CardContent>
              {analytics.topQuestions.length === 0 ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">No questions in this range.</p>
              ) : (
                <DataTable
                  rows={analytics.topQuestions}
                  rowKey={(row) => row.question}
                  columns={[
                    { header: "Question", cell: (row) => row.question, className: "wrap-anywhere" },
                    {
                      header: "Asked",
                      cell: (row) => row.asked,
                      className: "text-right tabular-nums",
                      headClassName: "text-right",
                    },
                  ]}
                />
              )}
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}
