import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner } from "@/lib/db";
import { getChatbotAnalytics } from "@/lib/db/queries/analytics";
import { findChatbot } from "@/lib/db/queries/chatbots";
import { ApiError } from "@/lib/errors";
import type { AnalyticsRange, AnalyticsReport } from "./schemas";

// A chatbot's analytics page: the sums SQL makes of the per-day rollups, and what the page shows
// beside them (per weekday, per hour, the busiest hours), worked out here so the page only renders.

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const hourLabel = (hour: number) => String(hour).padStart(2, "0");

/**
 * One of the owner's bots over the last `days` UTC days: the bot, its analytics, and the
 * figures derived from them. Null when the bot isn't theirs (the page answers 404).
 */
export async function showChatbotAnalytics(
  caller: Caller,
  { chatbotId, days }: { chatbotId: string; days: AnalyticsRange },
) {
  const loaded = await asOwner(caller.claims, async (tx) => {
    const chatbot = await findChatbot(tx, chatbotId);
    return chatbot ? { chatbot, analytics: await getChatbotAnalytics(tx, { chatbotId, days }) } : null;
  });
  if (!loaded?.analytics) return null;
  const { chatbot, analytics } = loaded;
  const messagesWhere = (keep: (row: (typeof analytics.hours)[number]) => boolean) =>
    analytics.hours.filter(keep).reduce((sum, row) => sum + row.messages, 0);
  return {
    chatbot,
    analytics,
    /** Every turn of the range, answered or refused. */
    turns: analytics.totals.messages + analytics.totals.refused,
    visitorDays: analytics.daily.reduce((sum, row) => sum + row.visitors, 0),
    byWeekday: WEEKDAYS.map((label, index) => ({ label, messages: messagesWhere((row) => row.weekday === index + 1) })),
    byHour: Array.from({ length: 24 }, (_, hour) => ({
      label: `${hourLabel(hour)}h`,
      messages: messagesWhere((row) => row.hour === hour),
    })),
    /** The three busiest weekday-hours, as "Mon 09:00". */
    busiest: [...analytics.hours]
      .sort((a, b) => b.messages - a.messages)
      .slice(0, 3)
      .map((row) => ({ label: `${WEEKDAYS[row.weekday - 1]} ${hourLabel(row.hour)}:00`, messages: row.messages })),
  };
}

/** GET /api/chatbots/{id}/analytics: the page's figures as JSON; another owner's bot is 404. */
export async function chatbotAnalyticsReport(
  caller: Caller,
  input: { chatbotId: string; days: AnalyticsRange },
): Promise<AnalyticsReport> {
  const shown = await showChatbotAnalytics(caller, input);
  if (!shown) throw new ApiError("not_found", "Chatbot not found.");
  const { analytics } = shown;
  return {
    chatbot_id: shown.chatbot.id,
    days: analytics.days,
    totals: { ...analytics.totals, turns: shown.turns, visitor_days: shown.visitorDays },
    median_latency_ms: analytics.medianLatencyMs,
    daily: analytics.daily.map(({ unansweredShare, ...day }) => ({ ...day, unanswered_share: unansweredShare })),
    by_weekday: shown.byWeekday.map((row) => ({ weekday: row.label, messages: row.messages })),
    by_hour: shown.byHour.map((row, hour) => ({ hour, messages: row.messages })),
    busiest: shown.busiest,
    top_questions: analytics.topQuestions,
  };
}
