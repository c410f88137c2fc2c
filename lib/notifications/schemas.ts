import { z } from "zod";

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The dashboard's notification settings form. */
export const notificationSettingsSchema = z.object({
  unanswered_questions: z.enum(["off", "immediately", "daily"], { error: "Choose when to hear of these questions." }),
  contacts: z.enum(["off", "immediately", "daily"], { error: "Choose when to hear of new contacts." }),
  // A checkbox: "on" when ticked, absent when not.
  weekly_summary: z
    .stringbool({ truthy: ["on", "true"], falsy: ["off", "false"] })
    .optional()
    .default(false),
  timezone: z
    .string({ error: "Choose your time zone." })
    .max(64, "Choose your time zone.")
    .refine(isTimeZone, "That is not a time zone we know."),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;
export type UnansweredQuestionsSetting = NotificationSettingsInput["unanswered_questions"];
