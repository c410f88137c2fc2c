import "server-only";
import { sourceLabel } from "@/lib/answer-sources";
import type { JwtClaims } from "@/lib/db";
import { asOwner } from "@/lib/db";
import { dayStart } from "@/lib/db/queries/inbox";
import { type ExportedMessage, exportMessagesBatch } from "@/lib/db/queries/messages";
import type { ExportMessagesQuery } from "@/lib/validation/inbox";

/** Rows per batch: each batch is one query in its own transaction. */
export const EXPORT_BATCH = 1_000;

const COLUMNS = [
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
function csvValue(item: ExportedMessage, column: (typeof COLUMNS)[number]): string | number | boolean | null {
  if (column === "sources") return item.sources.map(sourceLabel).join("; ");
  return item[column];
}

const csvRow = (values: (string | number | boolean | null)[]) => `${values.map(csvCell).join(",")}\r\n`;

/** `from`/`to` as instants: a bare day is its start, or for `to` the end of that day. */
function bound(value: string | undefined, inclusiveEnd: boolean): Date | undefined {
  if (!value) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayStart(value, inclusiveEnd) : new Date(value);
}

/**
 * The export as a streamed body: each pull reads the next batch in a short transaction of its
 * own and hands it to the client, so a million rows never sit in memory and no transaction waits
 * on a slow download (on the embedded database an open one would block every other request).
 */
export function exportStream(
  claims: JwtClaims,
  chatbotId: string,
  query: ExportMessagesQuery,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const from = bound(query.from, false);
  const to = bound(query.to, true);
  let after: { at: string; id: string } | undefined;
  let first = true;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      const batch = await asOwner(claims, (tx) =>
        exportMessagesBatch(tx, {
          chatbotId,
          from,
          to,
          conversationId: query.conversation_id,
          after,
          limit: EXPORT_BATCH,
        }),
      );
      let chunk = "";
      if (first && query.format === "csv") chunk += csvRow([...COLUMNS]);
      if (first && query.format === "json") chunk += "[";
      for (const [index, item] of batch.items.entries()) {
        if (query.format === "csv") chunk += csvRow(COLUMNS.map((column) => csvValue(item, column)));
        else chunk += `${first && index === 0 ? "" : ","}\n${JSON.stringify(item)}`;
      }
      first = false;
      if (batch.last) after = batch.last;
      if (batch.items.length < EXPORT_BATCH) {
        done = true;
        if (query.format === "json") chunk += "\n]\n";
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (done) controller.close();
    },
  });
}

/** The download's file name: the bot, the conversation or range, the format. */
export function exportFileName(query: ExportMessagesQuery): string {
  const parts = ["messages"];
  if (query.conversation_id) parts.push(query.conversation_id.slice(0, 8));
  if (query.from) parts.push(`from-${query.from.slice(0, 10)}`);
  if (query.to) parts.push(`to-${query.to.slice(0, 10)}`);
  return `${parts.join("-")}.${query.format}`;
}
