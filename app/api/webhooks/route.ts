import { route } from "@/lib/http/route";
import { createWebhookEndpoint, listWebhooksEndpoint } from "@/lib/webhooks/endpoints";
import { createWebhook, listWebhooks } from "@/lib/webhooks/use-cases";

export const dynamic = "force-dynamic";

// GET /api/webhooks – the caller's webhook endpoints (never their secrets), oldest first
export const GET = route(listWebhooksEndpoint)(async ({ caller }) => ({
  status: 200,
  body: { webhooks: await listWebhooks(caller) },
}));

// POST /api/webhooks – register an endpoint; its signing secret is shown only in this response
export const POST = route(createWebhookEndpoint)(async ({ caller, body }) => ({
  status: 201,
  body: await createWebhook(caller, body),
}));
