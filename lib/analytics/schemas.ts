// The analytics page's one parameter: how many days back it looks.

export const ANALYTICS_RANGES = [7, 30, 90] as const;
export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];

/** `?days=` as one of the ranges; anything else (absent, 14, "abc") is the default, 30. */
export function analyticsRange(days: unknown): AnalyticsRange {
  const asked = Number(days);
  return ANALYTICS_RANGES.find((range) => range === asked) ?? 30;
}
