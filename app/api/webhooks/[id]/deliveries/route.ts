import { listWebhookDeliveriesEndpoint } from "@/lib/api/endpoints/webhooks";
import { asOwner } from "@/lib/db";
import { listWebhookDeliveries } from "@/lib/db/queries/webhooks";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/webhooks/{id}/deliveries – an endpoint's delivery log, newest first
export const GET = route(listWebhookDeliveriesEndpoint)(async ({ caller, params }) => {
  const deliveries = await asOwner(caller.claims, (tx) => listWebhookDeliveries(tx, { endpointId: params.id }));
  if (!deliveries) throw new ApiError("not_found", "No such webhook endpoint.");
  return { status: 200, body: { deliveries } };
});
