import { contactsCsv } from "@/lib/contacts/csv";
import { listContactsEndpoint } from "@/lib/contacts/endpoints";
import { listContacts } from "@/lib/contacts/use-cases";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/contacts – everyone who left their details with the caller's bots, as JSON or CSV
export const GET = route(listContactsEndpoint)(async ({ caller, query }) => {
  const items = await listContacts(caller, { chatbotId: query.chatbot_id });
  if (query.format === "csv") {
    return new Response(contactsCsv(items), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="chatfolio-contacts-${new Date().toISOString().slice(0, 10)}.csv"`,
      },
    });
  }
  return { status: 200, body: { items } };
});
