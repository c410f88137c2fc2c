import { route } from "@/lib/http/route";
import { listWebhookDeliveriesEndpoint } from "@/lib/webhooks/endpoints";
import { listWebhookDeliveries } from "@/lib/webhooks/use-cases";

export const dynamic = "force-dynamic";

// GET /api/webhooks/{id}/deliveries – an endpoint's delivery log, newest first
export const GET = route(listWebhookDeliveriesEndpoint)(async ({ caller, params }) => ({
  status: 200,
  body: { deliveries: await listWebhookDeliveries(caller, params) },
}));
