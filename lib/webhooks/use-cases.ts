import "server-only";
import type { Caller } from "@/lib/auth";
import { bucket, spendBudgets } from "@/lib/auth/rate-limit";
import { asOwner } from "@/lib/db";
import {
  countWebhooksLocked,
  deleteWebhook as deleteWebhookRow,
  getWebhook,
  insertWebhook,
  listWebhookDeliveries as listDeliveryRows,
  listWebhooks as listWebhookRows,
} from "@/lib/db/queries/webhooks";
import { ApiError } from "@/lib/errors";
import { sendTestWebhook } from "./deliver";
import { assertWebhookUrl, generateWebhookSecret } from "./receiver-url";
import {
  type CreatedWebhook,
  type CreateWebhookInput,
  MAX_WEBHOOK_ENDPOINTS_PER_OWNER,
  WEBHOOK_TESTS_PER_WINDOW,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookTestResult,
} from "./schemas";

// An owner's webhook endpoints: what the API and the settings page do, each written once. Every
// read and write runs as the owner, so RLS hides another owner's endpoint like a missing one.

const notFound = () => new ApiError("not_found", "No such webhook endpoint.");

/** The caller's endpoints (never their secrets), oldest first. */
export async function listWebhooks(caller: Caller): Promise<WebhookEndpoint[]> {
  return asOwner(caller.claims, listWebhookRows);
}

/** The caller's endpoints, each with its delivery log (newest first), as the settings page shows them. */
export async function listWebhooksWithDeliveries(
  caller: Caller,
): Promise<{ endpoint: WebhookEndpoint; deliveries: WebhookDelivery[] }[]> {
  return asOwner(caller.claims, async (tx) => {
    const listed = await listWebhookRows(tx);
    const logs = await Promise.all(listed.map((endpoint) => listDeliveryRows(tx, { endpointId: endpoint.id })));
    return listed.map((endpoint, index) => ({ endpoint, deliveries: logs[index] ?? [] }));
  });
}

/**
 * Registers an endpoint the server would deliver to (https, no private address), within the
 * owner's quota (409 past it); the answer carries its signing secret, shown this once.
 */
export async function createWebhook(caller: Caller, input: CreateWebhookInput): Promise<CreatedWebhook> {
  assertWebhookUrl(input.url);
  return asOwner(caller.claims, async (tx) => {
    if ((await countWebhooksLocked(tx)) >= MAX_WEBHOOK_ENDPOINTS_PER_OWNER) {
      throw new ApiError(
        "conflict",
        `An account can have at most ${MAX_WEBHOOK_ENDPOINTS_PER_OWNER} webhook endpoints; delete one first.`,
      );
    }
    return insertWebhook(tx, { ...input, secret: generateWebhookSecret() });
  });
}

/** Deletes one of the caller's endpoints with its log; events not yet delivered to it are dropped. */
export async function deleteWebhook(caller: Caller, { id }: { id: string }): Promise<void> {
  if (!(await asOwner(caller.claims, (tx) => deleteWebhookRow(tx, { id })))) throw notFound();
}

/**
 * Sends a webhook.test event to one of the caller's endpoints now and tells how it answered.
 * Ownership is checked as the owner (RLS); the send itself reads the secret as the server.
 */
export async function testWebhook(caller: Caller, { id }: { id: string }): Promise<WebhookTestResult> {
  // Each test is a request from our servers to an address the owner chose: not an unmetered one.
  await spendBudgets(
    [{ bucket: bucket("webhook_test:owner", caller.userId), limit: WEBHOOK_TESTS_PER_WINDOW }],
    "You've sent many test events in the last few minutes. Try again later.",
  );
  const endpoint = await asOwner(caller.claims, (tx) => getWebhook(tx, { id }));
  const result = endpoint && (await sendTestWebhook(endpoint.id));
  if (!result) throw notFound();
  return result;
}

/** One of the caller's endpoints' delivery log, newest first. */
export async function listWebhookDeliveries(caller: Caller, { id }: { id: string }): Promise<WebhookDelivery[]> {
  const deliveries = await asOwner(caller.claims, (tx) => listDeliveryRows(tx, { endpointId: id }));
  if (!deliveries) throw notFound();
  return deliveries;
}
