import "server-only";
import { csvCell } from "@/lib/inbox/export";
import type { Contact } from "./schemas";

const COLUMNS = ["created_at", "name", "email", "message", "chatbot_name", "conversation_id"] as const;

/** Contacts as CSV with a header row; cells a spreadsheet would run as formulas are escaped. */
export function contactsCsv(contacts: Contact[]): string {
  const rows = [
    COLUMNS.join(","),
    ...contacts.map((contact) => COLUMNS.map((column) => csvCell(contact[column])).join(",")),
  ];
  return `${rows.join("\r\n")}\r\n`;
}
