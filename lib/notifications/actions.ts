"use server";

import { asOwner } from "@/lib/db";
import { saveNotificationSettings } from "@/lib/db/queries/notifications";
import { ApiError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { notificationSettingsSchema } from "@/lib/validation/notifications";

/** Saves how the owner wants to hear of their bots' events. */
export const saveNotificationSettingsAction = action(
  { name: "notifications.save", auth: "required", schema: notificationSettingsSchema },
  async ({ input, caller }) => {
    const saved = await asOwner(caller.claims, (tx) =>
      saveNotificationSettings(tx, { userId: caller.userId, settings: input }),
    );
    if (!saved) {
      throw new ApiError("validation_failed", "That time zone isn't one the server knows.", {
        details: [{ path: "timezone", message: "That time zone isn't one the server knows." }],
      });
    }
    return null;
  },
);
