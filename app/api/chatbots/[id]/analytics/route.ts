import { getChatbotAnalyticsEndpoint } from "@/lib/analytics/endpoints";
import { chatbotAnalyticsReport } from "@/lib/analytics/use-cases";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id}/analytics – the analytics page's figures for one bot and a period, as JSON
export const GET = route(getChatbotAnalyticsEndpoint)(async ({ caller, params, query }) => ({
  status: 200,
  body: await chatbotAnalyticsReport(caller, { chatbotId: params.id, days: query.days }),
}));
