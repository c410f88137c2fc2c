import { updateMessageEndpoint } from "@/lib/api/endpoints/messages";
import { asOwner } from "@/lib/db";
import { setMessageRead } from "@/lib/db/queries/messages";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// PATCH /api/messages/{id} – mark a message read or unread
export const PATCH = route(updateMessageEndpoint)(async ({ caller, params, body }) => {
  const message = await asOwner(caller.claims, (tx) => setMessageRead(tx, { id: params.id, isRead: body.is_read }));
  if (!message) throw new ApiError("not_found", "Message not found.");
  return { status: 200, body: message };
});
