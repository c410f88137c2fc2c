import { route } from "@/lib/http/route";
import { getNotificationSettingsEndpoint, putNotificationSettingsEndpoint } from "@/lib/notifications/endpoints";
import { getNotificationSettings, saveNotificationSettings } from "@/lib/notifications/use-cases/settings";

export const dynamic = "force-dynamic";

// GET /api/notifications/settings – how the caller hears of their bots' events
export const GET = route(getNotificationSettingsEndpoint)(async ({ caller }) => ({
  status: 200,
  body: await getNotificationSettings(caller),
}));

// PUT /api/notifications/settings – set them; answers them as saved
export const PUT = route(putNotificationSettingsEndpoint)(async ({ caller, body }) => ({
  status: 200,
  body: await saveNotificationSettings(caller, body),
}));
