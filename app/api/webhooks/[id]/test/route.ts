import { testWebhookEndpoint } from "@/lib/api/endpoints/webhooks";
import { asOwner } from "@/lib/db";
import { getWebhook } from "@/lib/db/queries/webhooks";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { sendTestWebhook } from "@/lib/webhooks/deliver";

export const dynamic = "force-dynamic";

// POST /api/webhooks/{id}/test – send a webhook.test event now and tell how the receiver answered.
// Ownership is checked as the owner (RLS); the send itself reads the secret as the server.
export const POST = route(testWebhookEndpoint)(async ({ caller, params }) => {
  const endpoint = await asOwner(caller.claims, (tx) => getWebhook(tx, params));
  const result = endpoint && (await sendTestWebhook(endpoint.id));
  if (!result) throw new ApiError("not_found", "No such webhook endpoint.");
  return { status: 200, body: result };
});
