import { route } from "@/lib/http/route";
import { updateMessageEndpoint } from "@/lib/inbox/endpoints";
import { updateMessage } from "@/lib/inbox/use-cases/messages";

export const dynamic = "force-dynamic";

// PATCH /api/messages/{id} – mark a message read or unread
export const PATCH = route(updateMessageEndpoint)(async ({ caller, params, body }) => ({
  status: 200,
  body: await updateMessage(caller, params.id, body),
}));
