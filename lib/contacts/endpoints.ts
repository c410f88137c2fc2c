import { endpoints } from "@/lib/api/endpoint";
import { contactListSchema, listContactsQuerySchema } from "./schemas";

const contacts = endpoints({ tag: "Contacts", auth: "required" });

export const listContactsEndpoint = contacts("GET /api/contacts", "listContacts", {
  summary: "Everyone who left their details, newest first",
  description:
    "The caller's contacts across their bots, or one bot's with `chatbot_id`; the newest 1,000. `format=csv` answers the same as a CSV attachment (cells that a spreadsheet would read as formulas are escaped).",
  query: listContactsQuerySchema,
  responses: {
    200: {
      description: "The contacts (JSON), or the CSV file.",
      body: { name: "ContactList", schema: contactListSchema },
      contentType: "text/csv",
    },
  },
});
