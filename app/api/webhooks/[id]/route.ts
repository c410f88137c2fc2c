import { deleteWebhookEndpoint } from "@/lib/api/endpoints/webhooks";
import { asOwner } from "@/lib/db";
import { deleteWebhook } from "@/lib/db/queries/webhooks";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// DELETE /api/webhooks/{id} – delete an endpoint with its log (another owner's id is 404: RLS hides it)
export const DELETE = route(deleteWebhookEndpoint)(async ({ caller, params }) => {
  if (!(await asOwner(caller.claims, (tx) => deleteWebhook(tx, params)))) {
    throw new ApiError("not_found", "No such webhook endpoint.");
  }
  return { status: 204 };
});
