"use server";

import { action } from "@/lib/http/action";
import { idParamsSchema } from "@/lib/validation/common";
import { createWebhookSchema } from "./schemas";
import { createWebhook, deleteWebhook, testWebhook } from "./use-cases";

// The webhooks settings page's actions: the rules are the use cases', shared with /api/webhooks.

/** Registers an endpoint; the answer carries its signing secret, shown this once. */
export const createWebhookAction = action(
  { name: "webhooks.create", auth: "required", schema: createWebhookSchema },
  ({ input, caller }) => createWebhook(caller, input),
);

/** Deletes one of the caller's endpoints; another owner's id is 404, like a missing one. */
export const deleteWebhookAction = action(
  { name: "webhooks.delete", auth: "required", schema: idParamsSchema },
  async ({ input, caller }) => {
    await deleteWebhook(caller, input);
    return null;
  },
);

/** Sends a webhook.test event to one of the caller's endpoints now, and tells how it answered. */
export const testWebhookAction = action(
  { name: "webhooks.test", auth: "required", schema: idParamsSchema },
  ({ input, caller }) => testWebhook(caller, input),
);
