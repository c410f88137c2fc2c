import "server-only";
import { sourceLabel } from "@/lib/answer-sources";
import type { ExportMessagesQuery } from "./schemas";
import type { ExportedMessage } from "./types";

// How an export writes its rows: CSV cells and rows, the JSON array's pieces, the file name.

const EXPORT_COLUMNS = [
  "id",
  "created_at",
  "conversation_id",
  "visitor_id",
  "visitor_name",
  "message",
  "response",
  "status",
  "outcome",
  "sources",
  "is_read",
  "latency_ms",
  "feedback",
  "feedback_comment",
  "owner_replies",
] as const satisfies readonly (keyof ExportedMessage)[];

/**
 * One CSV cell. A cell a spreadsheet would run as a formula (=, +, -, @, and tab or carriage
 * return, which some read the same way) gets a leading apostrophe, as OWASP recommends; then
 * quoting per RFC 4180.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A turn's cell: its sources as the inbox names them ("Experience; Q&A 'Are you open to relocation?'"). */
function csvValue(item: ExportedMessage, column: (typeof EXPORT_COLUMNS)[number]): string | number | boolean | null {
  if (column === "sources") return item.sources.map(sourceLabel).join("; ");
  return item[column];
}

const csvRow = (values: (string | number | boolean | null)[]) => `${values.map(csvCell).join(",")}\r\n`;

/** The CSV's header row, its columns in order. */
export const csvHeader = () => csvRow([...EXPORT_COLUMNS]);

/** One turn as a CSV row. */
export const csvLine = (item: ExportedMessage) => csvRow(EXPORT_COLUMNS.map((column) => csvValue(item, column)));

/** The download's file name: the bot, the conversation or range, the format. */
export function exportFileName(query: ExportMessagesQuery): string {
  const parts = ["messages"];
  if (query.conversation_id) parts.push(query.conversation_id.slice(0, 8));
  if (query.from) parts.push(`from-${query.from.slice(0, 10)}`);
  if (query.to) parts.push(`to-${query.to.slice(0, 10)}`);
  return `${parts.join("-")}.${query.format}`;
}
