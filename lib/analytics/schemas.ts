import { z } from "zod";
import { uuidSchema } from "@/lib/validation/common";

// The analytics page's one parameter (how many days back it looks) and the API's report of the
// same figures (GET /api/chatbots/{id}/analytics).

export const ANALYTICS_RANGES = [7, 30, 90] as const;
export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];

/** `?days=` as one of the ranges; anything else (absent, 14, "abc") is the default, 30. */
export function analyticsRange(days: unknown): AnalyticsRange {
  const asked = Number(days);
  return ANALYTICS_RANGES.find((range) => range === asked) ?? 30;
}

/** GET /api/chatbots/{id}/analytics query string: unlike the page, a range it doesn't offer is a 400. */
export const analyticsQuerySchema = z.object({
  days: z.coerce
    .number()
    .refine((days) => ANALYTICS_RANGES.some((range) => range === days), "Must be 7, 30 or 90.")
    .transform(analyticsRange)
    .default(30)
    .meta({ description: "How many UTC days back, today included: 7, 30 or 90." }),
});

const count = z.number().int();

export const analyticsReportSchema = z.object({
  chatbot_id: uuidSchema,
  days: count,
  totals: z.object({
    turns: count.meta({ description: "Every turn of the range, answered or refused." }),
    messages: count,
    answered: count,
    failed: count,
    refused: count,
    unanswered: count.meta({ description: "Answers the bot couldn't give from the owner's content." }),
    thumbs_up: count,
    thumbs_down: count,
    visitor_days: count.meta({ description: "Distinct visitors per day, summed over the range." }),
  }),
  median_latency_ms: z.number().nullable().meta({ description: "Estimated from a histogram; null without answers." }),
  daily: z.array(
    z.object({
      day: z.string(),
      messages: count,
      visitors: count,
      refused: count,
      thumbs_up: count,
      thumbs_down: count,
      answered: count,
      unanswered: count,
      unanswered_share: z
        .number()
        .nullable()
        .meta({ description: "unanswered / answered (0-1); null without answers." }),
    }),
  ),
  by_weekday: z.array(z.object({ weekday: z.string(), messages: count })).meta({ description: "Monday first, UTC." }),
  by_hour: z.array(z.object({ hour: count, messages: count })).meta({ description: "UTC hours 0-23." }),
  busiest: z.array(z.object({ label: z.string(), messages: count })).meta({
    description: "The three busiest weekday-hours, as 'Mon 09:00' (UTC).",
  }),
  top_questions: z.array(z.object({ question: z.string(), asked: count })),
});
export type AnalyticsReport = z.output<typeof analyticsReportSchema>;
