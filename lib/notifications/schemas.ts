import { z } from "zod";

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const unansweredQuestions = z.enum(["off", "immediately", "daily"], {
  error: "Choose when to hear of these questions.",
});
const contacts = z.enum(["off", "immediately", "daily"], { error: "Choose when to hear of new contacts." });
const timezone = z
  .string({ error: "Choose your time zone." })
  .max(64, "Choose your time zone.")
  .refine(isTimeZone, "That is not a time zone we know.");

/** The dashboard's notification settings form. */
export const notificationSettingsSchema = z.object({
  unanswered_questions: unansweredQuestions,
  contacts,
  // A checkbox: "on" when ticked, absent when not.
  weekly_summary: z
    .stringbool({ truthy: ["on", "true"], falsy: ["off", "false"] })
    .optional()
    .default(false),
  timezone,
});

/** PUT /api/notifications/settings: the form's fields as JSON, every one given (a boolean for the summary). */
export const notificationSettingsBodySchema = z.object({
  unanswered_questions: unansweredQuestions,
  contacts,
  weekly_summary: z.boolean({ error: "Must be true or false." }),
  timezone,
});

/** GET /api/notifications/settings: what the owner chose, or the defaults until they do. */
export const notificationSettingsOutputSchema = z.object({
  unanswered_questions: unansweredQuestions,
  contacts,
  weekly_summary: z.boolean(),
  timezone: z.string().nullable().meta({ description: "Null until chosen: digests go out in UTC meanwhile." }),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;
export type UnansweredQuestionsSetting = NotificationSettingsInput["unanswered_questions"];
