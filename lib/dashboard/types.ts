// What the dashboard's shell and overview show, as lib/db/queries/overview.ts and usage.ts read it.

export interface ChatbotActivity {
  messagesLast7Days: number;
  unread: number;
}

/**
 * The new owner's steps: a profile written, a chatbot created, the bot tried (any message, the
 * preview's included) and shared, which shows as a conversation from outside the preview: a
 * visitor (or the owner) chatting on the public page or the embed.
 */
export interface OnboardingProgress {
  profile: boolean;
  chatbot: boolean;
  tried: boolean;
  shared: boolean;
}

export interface QuotaUsage {
  /** First day of the current month (UTC), YYYY-MM-DD. */
  month: string;
  /** Turns the owner's bots started this month. */
  used: number;
  /** The deployment's monthly quota (OWNER_MONTHLY_MESSAGES). */
  limit: number;
  /** Whether used has reached QUOTA_ALERT_RATIO (lib/db/queries/usage.ts) of limit. */
  alert: boolean;
}
