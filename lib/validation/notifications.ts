import { z } from "zod";

/** The dashboard's notification settings form. */
export const notificationSettingsSchema = z.object({
  unanswered_questions: z.enum(["off", "immediately"], { error: "Choose whether to get these emails." }),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;
export type UnansweredQuestionsSetting = NotificationSettingsInput["unanswered_questions"];
