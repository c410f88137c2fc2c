import { listVisitors } from "@/lib/db/queries/messages";
import { ApiError } from "@/lib/errors";
import { json, route } from "@/lib/http/route";
import { idParamsSchema } from "@/lib/validation/common";
import { listVisitorsQuerySchema } from "@/lib/validation/messages";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id}/visitors – who talked to the chatbot, with their message counts
export const GET = route(
  { params: idParamsSchema, query: listVisitorsQuerySchema },
  async ({ caller, params, query }) => {
    const page = await listVisitors(caller.claims, params.id, query);
    if (!page) throw new ApiError("not_found", "Chatbot not found.");
    return json(page);
  },
);
