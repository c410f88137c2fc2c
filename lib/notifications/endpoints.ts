import { endpoints } from "@/lib/api/endpoint";
import { notificationSettingsBodySchema, notificationSettingsOutputSchema } from "./schemas";

const notifications = endpoints({ tag: "Notifications", auth: "required" });

const settings = { name: "NotificationSettings", schema: notificationSettingsOutputSchema };

export const getNotificationSettingsEndpoint = notifications(
  "GET /api/notifications/settings",
  "getNotificationSettings",
  {
    summary: "How the caller hears of their bots' events (the defaults until they choose)",
    responses: { 200: { description: "The settings.", body: settings } },
  },
);

export const putNotificationSettingsEndpoint = notifications(
  "PUT /api/notifications/settings",
  "putNotificationSettings",
  {
    summary: "Set how the caller hears of their bots' events",
    description: "Every field is given, as the settings page saves them. The time zone must be one the server knows.",
    body: { name: "NotificationSettingsUpdate", schema: notificationSettingsBodySchema },
    responses: { 200: { description: "The settings as saved.", body: settings } },
  },
);
