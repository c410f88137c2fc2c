import { ChartNoAxesColumn } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarsChart, DailyChart } from "@/components/analytics/charts";
import { PageHeader } from "@/components/dashboard/page-header";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/server";
import { asOwner } from "@/lib/db";
import { ANALYTICS_RANGES, type AnalyticsRange, getChatbotAnalytics } from "@/lib/db/queries/analytics";
import { findChatbot } from "@/lib/db/queries/chatbots";
import { uuidSchema } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Analytics" };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${((part / whole) * 100).toFixed(1)}%`);

function Stat({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Card>
      <CardHeader>
        <CardDescription>{label}</CardDescription>
        <p className="text-2xl font-semibold tabular-nums">{value}</p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p>
      </CardHeader>
    </Card>
  );
}

// A bot's traffic over the last 7, 30 or 90 days, summed in SQL from the per-day rollups.
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
  const asked = Number((await searchParams).days);
  const days: AnalyticsRange = ANALYTICS_RANGES.find((range) => range === asked) ?? 30;
  const loaded = await asOwner(user.claims, async (tx) => {
    const chatbot = await findChatbot(tx, id);
    return chatbot ? { chatbot, analytics: await getChatbotAnalytics(tx, { chatbotId: id, days }) } : null;
  });
  if (!loaded?.analytics) notFound();
  const { chatbot, analytics } = loaded;
  const { totals } = analytics;
  const turns = totals.messages + totals.refused;
  const byWeekday = WEEKDAYS.map((label, index) => ({
    label,
    messages: analytics.hours.filter((row) => row.weekday === index + 1).reduce((sum, row) => sum + row.messages, 0),
  }));
  const byHour = Array.from({ length: 24 }, (_, hour) => ({
    label: `${String(hour).padStart(2, "0")}h`,
    messages: analytics.hours.filter((row) => row.hour === hour).reduce((sum, row) => sum + row.messages, 0),
  }));
  const busiest = [...analytics.hours].sort((a, b) => b.messages - a.messages).slice(0, 3);
  const visitorDays = analytics.daily.reduce((sum, row) => sum + row.visitors, 0);

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
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
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
          <Card>
            <CardHeader>
              <CardTitle>Messages and visitors per day</CardTitle>
              <CardDescription>Visitors are counted once per day they chatted.</CardDescription>
            </CardHeader>
            <CardContent>
              <figure aria-label="Line chart of messages, visitors and refused turns per day">
                <DailyChart data={analytics.daily} />
              </figure>
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer">Show as a table</summary>
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Day</TableHead>
                      <TableHead>Messages</TableHead>
                      <TableHead>Visitors</TableHead>
                      <TableHead>Refused</TableHead>
                      <TableHead>Thumbs up</TableHead>
                      <TableHead>Thumbs down</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {analytics.daily.map((row) => (
                      <TableRow key={row.day}>
                        <TableCell>{row.day}</TableCell>
                        <TableCell>{row.messages}</TableCell>
                        <TableCell>{row.visitors}</TableCell>
                        <TableCell>{row.refused}</TableCell>
                        <TableCell>{row.thumbs_up}</TableCell>
                        <TableCell>{row.thumbs_down}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </details>
            </CardContent>
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>Busiest days of the week</CardTitle>
                <CardDescription>
                  Busiest hours:{" "}
                  {busiest.length === 0
                    ? "none yet"
                    : busiest
                        .map(
                          (row) =>
                            `${WEEKDAYS[row.weekday - 1]} ${String(row.hour).padStart(2, "0")}:00 (${row.messages})`,
                        )
                        .join(", ")}
                </CardDescription>
              </CardHeader>
              <CardContent>
                <figure aria-label="Bar chart of messages per weekday">
                  <BarsChart data={byWeekday} name="Messages" />
                </figure>
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Busiest hours of the day</CardTitle>
                <CardDescription>Messages per UTC hour, all weekdays together.</CardDescription>
              </CardHeader>
              <CardContent>
                <figure aria-label="Bar chart of messages per hour of the day">
                  <BarsChart data={byHour} name="Messages" />
                </figure>
              </CardContent>
            </Card>
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
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Question</TableHead>
                      <TableHead className="text-right">Asked</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {analytics.topQuestions.map((row) => (
                      <TableRow key={row.question}>
                        <TableCell className="wrap-anywhere">{row.question}</TableCell>
                        <TableCell className="text-right tabular-nums">{row.asked}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}
