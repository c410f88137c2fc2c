"use server";

import { asOwner } from "@/lib/db";
import { deleteWebhook, getWebhook, insertWebhook } from "@/lib/db/queries/webhooks";
import { ApiError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { idParamsSchema } from "@/lib/validation/common";
import { createWebhookSchema } from "@/lib/validation/webhooks";
import { sendTestWebhook } from "./deliver";
import { assertWebhookUrl, generateWebhookSecret } from "./endpoints";

// The webhooks settings page's actions: the same rules as /api/webhooks.

/** Registers an endpoint; the answer carries its signing secret, shown this once. */
export const createWebhookAction = action(
  { name: "webhooks.create", auth: "required", schema: createWebhookSchema },
  async ({ input, caller }) => {
    assertWebhookUrl(input.url);
    return asOwner(caller.claims, (tx) => insertWebhook(tx, { ...input, secret: generateWebhookSecret() }));
  },
);

/** Deletes one of the caller's endpoints; another owner's id is 404, like a missing one. */
export const deleteWebhookAction = action(
  { name: "webhooks.delete", auth: "required", schema: idParamsSchema },
  async ({ input, caller }) => {
    if (!(await asOwner(caller.claims, (tx) => deleteWebhook(tx, input)))) {
      throw new ApiError("not_found", "No such webhook endpoint.");
    }
    return null;
  },
);

/** Sends a webhook.test event to one of the caller's endpoints now, and tells how it answered. */
export const testWebhookAction = action(
  { name: "webhooks.test", auth: "required", schema: idParamsSchema },
  async ({ input, caller }) => {
    const endpoint = await asOwner(caller.claims, (tx) => getWebhook(tx, input));
    const result = endpoint && (await sendTestWebhook(endpoint.id));
    if (!result) throw new ApiError("not_found", "No such webhook endpoint.");
    return result;
  },
);
