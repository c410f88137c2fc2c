import { endpoints } from "@/lib/api/endpoint";
import { analyticsQuerySchema, analyticsReportSchema } from "./schemas";

const analytics = endpoints({ tag: "Analytics", auth: "required" });

export const getChatbotAnalyticsEndpoint = analytics("GET /api/chatbots/{id}/analytics", "getChatbotAnalytics", {
  summary: "A chatbot's analytics over the last 7, 30 or 90 UTC days: the analytics page's figures",
  description: "Previews are left out; refused turns are counted apart. Another owner's chatbot is 404.",
  query: analyticsQuerySchema,
  responses: {
    200: { description: "The figures.", body: { name: "ChatbotAnalytics", schema: analyticsReportSchema } },
  },
});
