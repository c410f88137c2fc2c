import "server-only";
import type { Caller } from "@/lib/auth";
import { scopeAllows } from "@/lib/auth/scopes";
import { asOwner } from "@/lib/db";
import { conversationBlocks } from "@/lib/db/queries/blocks";
import { listChatbots } from "@/lib/db/queries/chatbots";
import {
  addOwnerReply,
  countUnread,
  dayStart,
  getConversation,
  latestInboxChange,
  listConversationReplies,
  listConversations,
  listConversationTurns,
  setConversationsRead,
} from "@/lib/db/queries/inbox";
import { listRefusalsPerDay } from "@/lib/db/queries/refusals";
import { ApiError } from "@/lib/errors";
import { type Cursor, cursorSchema } from "@/lib/validation/pagination";
import type { InboxFilters, ListConversationsQuery } from "../schemas";

// The inbox's conversations: the list, one conversation opened, marking read or unread, the poll
// and the owner's reply.

const CONVERSATIONS_PAGE = 25;
const TURNS_PAGE = 50;
/** Refused turns shown for the last week unless a date range says otherwise. */
const REFUSALS_DEFAULT_DAYS = 7;

/** Another owner's conversation reads as one that doesn't exist (RLS hides it). */
const conversationNotFound = () => new ApiError("not_found", "Conversation not found.");

/**
 * The inbox page: every bot's conversations, newest activity first (public.conversations under
 * RLS), filtered; the owner's bots (for the filter), the newest change (for the poll) and the
 * refused turns only as counts per bot and day, all in one transaction.
 */
export async function listInbox(caller: Caller, filters: InboxFilters) {
  const refusalsTo = filters.to ? dayStart(filters.to, true) : new Date();
  const refusalsFrom = filters.from
    ? dayStart(filters.from)
    : new Date(refusalsTo.getTime() - REFUSALS_DEFAULT_DAYS * 86_400_000);
  return asOwner(caller.claims, async (tx) => ({
    chatbots: await listChatbots(tx),
    conversations: await listConversations(tx, { ...filters, limit: CONVERSATIONS_PAGE }),
    latest: await latestInboxChange(tx),
    refusals: await listRefusalsPerDay(tx, {
      chatbotIds: filters.bot ? [filters.bot] : undefined,
      from: refusalsFrom,
      to: refusalsTo,
    }),
  }));
}

/**
 * GET /api/conversations: one page of the owner's conversations with the inbox's filters, newest
 * activity first, without the page's companions (bots, refusals, the poll's marker).
 */
export async function listConversationPage(caller: Caller, query: ListConversationsQuery) {
  const { chatbot_id, ...filters } = query;
  return asOwner(caller.claims, (tx) => listConversations(tx, { ...filters, bot: chatbot_id }));
}

/**
 * One conversation: a page of its turns in the order they happened (keyset, after `cursor`) with
 * the owner's replies of the same stretch and the blocks made from it. The dashboard opening it
 * marks it read (`markRead`); the API's read changes nothing, as a GET must not. Pages take a
 * Bearer credential too, so a read key opening the page marks nothing either.
 * Null when it isn't the owner's (the page answers 404).
 */
export async function openConversation(
  caller: Caller,
  { id, cursor, markRead }: { id: string; cursor?: Cursor; markRead: boolean },
) {
  return asOwner(caller.claims, async (tx) => {
    const conversation = await getConversation(tx, id);
    if (!conversation) return null;
    // Opening it is reading it: its turns are marked read in the same transaction.
    if (markRead && scopeAllows(caller, "write") && conversation.unread_count > 0) {
      await setConversationsRead(tx, { ids: [id], isRead: true });
    }
    const turns = await listConversationTurns(tx, { id, cursor, limit: TURNS_PAGE });
    // This page's stretch: after the previous page's last turn, up to this page's last one when more follow.
    const until = turns.next_cursor ? cursorSchema.parse(turns.next_cursor).at : undefined;
    const replies = await listConversationReplies(tx, { id, after: cursor?.at, until });
    const blocks = await conversationBlocks(tx, { id });
    return { conversation, turns, replies, blocks };
  });
}

/** GET /api/conversations/{id}: openConversation without marking it read; 404 when it isn't the owner's. */
export async function readConversation(caller: Caller, input: { id: string; cursor?: Cursor }) {
  const opened = await openConversation(caller, { ...input, markRead: false });
  if (!opened) throw conversationNotFound();
  return opened;
}

/** Marks one or several of the owner's conversations read or unread; any id not theirs refuses the lot. */
export async function markConversations(caller: Caller, input: { ids: string[]; is_read: boolean }) {
  const ids = [...new Set(input.ids)];
  await asOwner(caller.claims, async (tx) => {
    const found = await setConversationsRead(tx, { ids, isRead: input.is_read });
    // Thrown inside the transaction, so nothing of a partly foreign list is changed.
    if (found !== ids.length) throw conversationNotFound();
  });
  return { ids, is_read: input.is_read };
}

/**
 * What an open inbox polls: the newest change to any of the owner's conversations and their
 * unread count, two index reads. `changed` when it differs from what the page showed.
 */
export async function inboxChanges(caller: Caller, input: { since?: string }) {
  const { latest, unread } = await asOwner(caller.claims, async (tx) => ({
    latest: await latestInboxChange(tx),
    unread: await countUnread(tx),
  }));
  return { latest, unread, changed: latest !== null && latest !== (input.since ?? null) };
}

/**
 * The owner's reply in one of their conversations: stored beside the turns (never as a message, so
 * it counts toward no limit or quota) and shown to the visitor the next time they open the chat.
 */
export async function replyToConversation(caller: Caller, input: { conversation: string; body: string }) {
  const reply = await asOwner(caller.claims, (tx) => addOwnerReply(tx, input));
  if (!reply) throw conversationNotFound();
  return reply;
}
