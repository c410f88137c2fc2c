import { route } from "@/lib/http/route";
import { exportMessagesEndpoint } from "@/lib/inbox/endpoints";
import { exportMessages } from "@/lib/inbox/use-cases/export";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id}/messages/export – the chatbot's messages as a CSV or JSON download, streamed in batches
export const GET = route(exportMessagesEndpoint)(async ({ caller, params, query }) => {
  const { fileName, body } = await exportMessages(caller, params.id, query);
  return new Response(body, {
    headers: {
      "Content-Type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
    },
  });
});
