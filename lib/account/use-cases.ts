import "server-only";
import type { AuthContext, Caller } from "@/lib/auth";
import { deleteAccount } from "@/lib/auth/account-changes";
import { requireRecentBrowserSession } from "@/lib/auth/recent-authentication";
import { asOwner } from "@/lib/db";
import {
  messagesPage,
  ownChatbotIds,
  ownerRepliesPage,
  ownProfileAndChatbots,
  type PageCursor,
  visitorsPage,
} from "@/lib/db/queries/account";
import { ApiError } from "@/lib/errors";
import { ACCOUNT_BATCH_ROWS } from "@/lib/limits";
import type { DeleteAccountInput } from "./schemas";

// The owner's account as a whole: all of it downloaded, or all of it deleted.

/**
 * "Download all my data": one JSON document (user, profile, chatbots, visitors, messages, owner
 * replies), written
 * as it is read. Every page is its own short owner transaction (keyset-paged), never a cursor held
 * open while a slow client downloads: on the embedded database that would block every other
 * request. Rows are the database's own (to_jsonb), so a column added later is exported too.
 */
export function exportAccount(caller: Caller): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = exportChunks(caller);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * Deletes the account and everything in it (lib/auth does the deleting), once the owner has
 * typed their email: the confirmation of something that cannot be undone.
 */
export async function closeAccount(caller: Caller, input: DeleteAccountInput, context: AuthContext): Promise<void> {
  // Who may ask comes before what they typed: a Bearer credential is refused whatever email it sends.
  requireRecentBrowserSession(caller);
  if (input.email !== caller.email.toLowerCase()) {
    const message = "Type your account's email address exactly, to confirm.";
    throw new ApiError("validation_failed", message, { details: [{ path: "email", message }] });
  }
  await deleteAccount(caller, context);
}

async function* exportChunks(caller: Caller): AsyncGenerator<string, void> {
  const { profile, chatbots } = await asOwner(caller.claims, ownProfileAndChatbots);
  const chatbotIds = await asOwner(caller.claims, ownChatbotIds);
  const user = { id: caller.userId, email: caller.email };
  yield `{"format":"chatfolio-export-1","exported_at":${JSON.stringify(new Date().toISOString())},"user":${JSON.stringify(user)},"profile":${JSON.stringify(profile)},"chatbots":${JSON.stringify(chatbots)},"visitors":[`;
  yield* jsonList(chatbotIds, (chatbotId, after: string | null) =>
    asOwner(caller.claims, (tx) => visitorsPage(tx, { chatbotId, after, limit: ACCOUNT_BATCH_ROWS })),
  );
  yield `],"messages":[`;
  yield* jsonList(chatbotIds, (chatbotId, after: PageCursor | null) =>
    asOwner(caller.claims, (tx) => messagesPage(tx, { chatbotId, after, limit: ACCOUNT_BATCH_ROWS })),
  );
  yield `],"owner_replies":[`;
  yield* jsonList(chatbotIds, (chatbotId, after: string | null) =>
    asOwner(caller.claims, (tx) => ownerRepliesPage(tx, { chatbotId, after, limit: ACCOUNT_BATCH_ROWS })),
  );
  yield "]}\n";
}

/** Every page of every bot's rows, comma-separated: the inside of a JSON array. */
async function* jsonList<Cursor>(
  chatbotIds: string[],
  page: (chatbotId: string, after: Cursor | null) => Promise<{ rows: string[]; next: Cursor | null }>,
): AsyncGenerator<string, void> {
  let first = true;
  for (const chatbotId of chatbotIds) {
    let after: Cursor | null = null;
    do {
      const { rows, next } = await page(chatbotId, after);
      if (rows.length > 0) {
        yield `${first ? "" : ","}${rows.join(",")}`;
        first = false;
      }
      after = next;
    } while (after !== null);
  }
}
