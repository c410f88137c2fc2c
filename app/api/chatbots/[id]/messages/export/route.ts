import { exportMessagesEndpoint } from "@/lib/api/endpoints/messages";
import { asOwner } from "@/lib/db";
import { ownsChatbot } from "@/lib/db/queries/chatbots";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { exportFileName, exportStream } from "@/lib/inbox/export";

export const dynamic = "force-dynamic";

// GET /api/chatbots/{id}/messages/export – the chatbot's messages as a CSV or JSON download, streamed in batches
export const GET = route(exportMessagesEndpoint)(async ({ caller, params, query }) => {
  if (!(await asOwner(caller.claims, (tx) => ownsChatbot(tx, params.id))))
    throw new ApiError("not_found", "Chatbot not found.");
  return new Response(exportStream(caller.claims, params.id, query), {
    headers: {
      "Content-Type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(query)}"`,
    },
  });
});
