import { route } from "@/lib/http/route";
import { listVisitorsEndpoint } from "@/lib/inbox/endpoints";
import { listVisitors } from "@/lib/inbox/use-cases/messages";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id}/visitors – who talked to the chatbot, with their message counts
export const GET = route(listVisitorsEndpoint)(async ({ caller, params, query }) => ({
  status: 200,
  body: await listVisitors(caller, params.id, query),
}));
