import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner, type JwtClaims } from "@/lib/db";
import { ownsChatbot } from "@/lib/db/queries/chatbots";
import { dayStart } from "@/lib/db/queries/inbox";
import { exportMessagesBatch } from "@/lib/db/queries/messages";
import { csvHeader, csvLine, exportFileName } from "../export";
import type { ExportMessagesQuery } from "../schemas";
import { requireChatbot } from "./messages";

/** Rows per batch: each batch is one query in its own transaction. */
export const EXPORT_BATCH = 1_000;

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
function exportStream(claims: JwtClaims, chatbotId: string, query: ExportMessagesQuery): ReadableStream<Uint8Array> {
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
      if (first && query.format === "csv") chunk += csvHeader();
      if (first && query.format === "json") chunk += "[";
      for (const [index, item] of batch.items.entries()) {
        if (query.format === "csv") chunk += csvLine(item);
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

/**
 * A chatbot's messages as a download (CSV or JSON), oldest first: its file name and the body,
 * streamed batch by batch once the bot is known to be the owner's.
 */
export async function exportMessages(caller: Caller, chatbotId: string, query: ExportMessagesQuery) {
  requireChatbot(await asOwner(caller.claims, (tx) => ownsChatbot(tx, chatbotId)));
  return { fileName: exportFileName(query), body: exportStream(caller.claims, chatbotId, query) };
}
