import { listContactsEndpoint } from "@/lib/api/endpoints/contacts";
import { contactsCsv } from "@/lib/contacts/csv";
import { asOwner } from "@/lib/db";
import { listContacts } from "@/lib/db/queries/contacts";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/contacts – everyone who left their details with the caller's bots, as JSON or CSV
export const GET = route(listContactsEndpoint)(async ({ caller, query }) => {
  const items = await asOwner(caller.claims, (tx) => listContacts(tx, { chatbotId: query.chatbot_id }));
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
