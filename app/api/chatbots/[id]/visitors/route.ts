import { listVisitorsEndpoint } from "@/lib/api/endpoints/messages";
import { asOwner } from "@/lib/db";
import { listVisitors } from "@/lib/db/queries/visitors";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id}/visitors – who talked to the chatbot, with their message counts
export const GET = route(listVisitorsEndpoint)(async ({ caller, params, query }) => {
  const page = await asOwner(caller.claims, (tx) => listVisitors(tx, { chatbotId: params.id, ...query }));
  if (!page) throw new ApiError("not_found", "Chatbot not found.");
  return { status: 200, body: page };
});
