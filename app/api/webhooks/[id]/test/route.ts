import { route } from "@/lib/http/route";
import { testWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { testWebhook } from "@/lib/webhooks/use-cases";

export const dynamic = "force-dynamic";

// POST /api/webhooks/{id}/test – send a webhook.test event now and tell how the receiver answered
export const POST = route(testWebhookEndpoint)(async ({ caller, params }) => ({
  status: 200,
  body: await testWebhook(caller, params),
}));
