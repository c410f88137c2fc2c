import type { UnansweredQuestionsSetting } from "./schemas";

export type ContactsSetting = "off" | "immediately" | "daily";

/** The owner's notification settings as the settings page shows them (lib/db/queries/notifications.ts). */
export interface NotificationSettings {
  unanswered_questions: UnansweredQuestionsSetting;
  contacts: ContactsSetting;
  weekly_summary: boolean;
  /** Null until the owner chooses one (digests go out in UTC meanwhile). */
  timezone: string | null;
}
