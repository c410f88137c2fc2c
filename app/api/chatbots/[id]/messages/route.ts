import { listMessages } from "@/lib/db/queries/messages";
import { ApiError } from "@/lib/errors";
import { json, route } from "@/lib/http/route";
import { idParamsSchema } from "@/lib/validation/common";
import { listMessagesQuerySchema } from "@/lib/validation/messages";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id}/messages – the chatbot's inbox, newest first, keyset-paginated
export const GET = route(
  { params: idParamsSchema, query: listMessagesQuerySchema },
  async ({ caller, params, query }) => {
    const page = await listMessages(caller.claims, params.id, query);
    if (!page) throw new ApiError("not_found", "Chatbot not found.");
    return json(page);
  },
);
