import { route } from "@/lib/http/route";
import { deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { deleteWebhook } from "@/lib/webhooks/use-cases";

export const dynamic = "force-dynamic";

// DELETE /api/webhooks/{id} – delete an endpoint with its log (another owner's id is 404: RLS hides it)
export const DELETE = route(deleteWebhookEndpoint)(async ({ caller, params }) => {
  await deleteWebhook(caller, params);
  return { status: 204 };
});
