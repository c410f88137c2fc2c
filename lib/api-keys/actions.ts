"use server";

import { action } from "@/lib/http/action";
import { idParamsSchema } from "@/lib/validation/common";
import { createApiKeyFormSchema } from "./schemas";
import { createApiKey, revokeApiKey } from "./use-cases";

// The API keys settings page's actions: the use cases POST and DELETE /api/keys call too.

/** Creates an API key (shown once) with the scope the owner chose; needs a recent password. */
export const createApiKeyAction = action(
  { name: "keys.create", auth: "required", schema: createApiKeyFormSchema },
  ({ input, caller }) => createApiKey(caller, input),
);

/** Revokes one of the caller's keys; another owner's id is 404, like a missing one. */
export const revokeApiKeyAction = action(
  { name: "keys.revoke", auth: "required", schema: idParamsSchema },
  async ({ input, caller }) => {
    await revokeApiKey(caller, input);
    return null;
  },
);
