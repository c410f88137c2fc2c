"use server";

import { asOwner } from "@/lib/db";
import { saveNotificationSettings } from "@/lib/db/queries/notifications";
import { action } from "@/lib/http/action";
import { notificationSettingsSchema } from "@/lib/validation/notifications";

/** Saves how the owner wants to hear of their bots' events. */
export const saveNotificationSettingsAction = action(
  { name: "notifications.save", auth: "required", schema: notificationSettingsSchema },
  async ({ input, caller }) => {
    await asOwner(caller.claims, (tx) =>
      saveNotificationSettings(tx, { userId: caller.userId, unansweredQuestions: input.unanswered_questions }),
    );
    return null;
  },
);
