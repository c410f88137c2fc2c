import { setMessageRead } from "@/lib/db/queries/messages";
import { ApiError } from "@/lib/errors";
import { json, route } from "@/lib/http/route";
import { idParamsSchema } from "@/lib/validation/common";
import { updateMessageSchema } from "@/lib/validation/messages";

export const dynamic = "force-dynamic";

// PATCH /api/messages/{id} – mark a message read or unread
export const PATCH = route({ params: idParamsSchema, body: updateMessageSchema }, async ({ caller, params, body }) => {
  const message = await setMessageRead(caller.claims, params.id, body.is_read);
  if (!message) throw new ApiError("not_found", "Message not found.");
  return json(message);
});
