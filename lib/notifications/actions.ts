"use server";

import { action } from "@/lib/http/action";
import { notificationSettingsSchema } from "./schemas";
import { saveNotificationSettings } from "./use-cases/settings";

/** Saves how the owner wants to hear of their bots' events. */
export const saveNotificationSettingsAction = action(
  { name: "notifications.save", auth: "required", schema: notificationSettingsSchema },
  async ({ input, caller }) => {
    await saveNotificationSettings(caller, input);
    return null;
  },
);
