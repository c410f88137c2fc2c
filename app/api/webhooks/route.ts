import { createWebhookEndpoint, listWebhooksEndpoint } from "@/lib/api/endpoints/webhooks";
import { asOwner } from "@/lib/db";
import { insertWebhook, listWebhooks } from "@/lib/db/queries/webhooks";
import { route } from "@/lib/http/route";
import { assertWebhookUrl, generateWebhookSecret } from "@/lib/webhooks/endpoints";

export const dynamic = "force-dynamic";

// GET /api/webhooks – the caller's webhook endpoints (never their secrets), oldest first
export const GET = route(listWebhooksEndpoint)(async ({ caller }) => {
  return { status: 200, body: { webhooks: await asOwner(caller.claims, listWebhooks) } };
});

// POST /api/webhooks – register an endpoint; its signing secret is shown only in this response
export const POST = route(createWebhookEndpoint)(async ({ caller, body }) => {
  assertWebhookUrl(body.url);
  const created = await asOwner(caller.claims, (tx) => insertWebhook(tx, { ...body, secret: generateWebhookSecret() }));
  return { status: 201, body: created };
});
