// What a chatbot's analytics page shows, as lib/db/queries/analytics.ts sums it from the rollups.

export interface ChatbotAnalytics {
  days: number;
  /**
   * Every day of the range, oldest first, zeros included. unansweredShare: of the day's answers,
   * the share the bot couldn't answer from the owner's content (0-1); null on a day without answers.
   */
  daily: {
    day: string;
    messages: number;
    visitors: number;
    refused: number;
    thumbs_up: number;
    thumbs_down: number;
    answered: number;
    unanswered: number;
    unansweredShare: number | null;
  }[];
  /** Turns per ISO weekday (1 Monday .. 7 Sunday) and UTC hour (0-23), only those with any. */
  hours: { weekday: number; hour: number; messages: number }[];
  /** thumbs_up/thumbs_down: answers of the range rated so now (counted on the answer's day). */
  totals: {
    messages: number;
    answered: number;
    failed: number;
    refused: number;
    thumbs_up: number;
    thumbs_down: number;
    unanswered: number;
  };
  /** Estimated from the latency histogram (linear within its bucket); null without answers. */
  medianLatencyMs: number | null;
  topQuestions: { question: string; asked: number }[];
}
