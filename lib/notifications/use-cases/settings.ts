import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner } from "@/lib/db";
import { readNotificationSettings, saveNotificationSettings as saveSettings } from "@/lib/db/queries/notifications";
import { ApiError } from "@/lib/errors";
import type { NotificationSettingsInput } from "../schemas";
import type { NotificationSettings } from "../types";

/** How the owner wants to hear of their bots' events (the defaults until they choose). */
export async function getNotificationSettings(caller: Caller) {
  return asOwner(caller.claims, (tx) => readNotificationSettings(tx, { userId: caller.userId }));
}

/**
 * Saves how the owner wants to hear of their bots' events. The time zone must be one PostgreSQL
 * knows too: the browser's list and the server's can differ.
 */
export async function saveNotificationSettings(
  caller: Caller,
  input: NotificationSettingsInput,
): Promise<NotificationSettings> {
  const saved = await asOwner(caller.claims, (tx) => saveSettings(tx, { userId: caller.userId, settings: input }));
  if (!saved) {
    throw new ApiError("validation_failed", "That time zone isn't one the server knows.", {
      details: [{ path: "timezone", message: "That time zone isn't one the server knows." }],
    });
  }
  return input;
}
