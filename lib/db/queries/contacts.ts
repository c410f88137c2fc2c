import "server-only";
import type { Contact } from "@/lib/contacts/schemas";
import type { Queryable } from "@/lib/db";
import { isoTimestamp } from "./timestamps";

export type LeaveContactResult =
  | { outcome: "created"; id: string }
  | { outcome: "not_found" | "email_required" | "too_many" };

/** As a visitor: leaves their details at a bot, identified by their cookie's secret (private.visitor_contact). */
export async function leaveContact(
  tx: Queryable,
  params: {
    chatbotId: string;
    visitorSecret: string;
    conversationId: string | null;
    name: string;
    email: string | null;
    message: string | null;
  },
): Promise<LeaveContactResult> {
  const [{ result }] = await tx.query<{ result: LeaveContactResult }>(
    "select private.visitor_contact($1, $2, $3, $4, $5, $6) as result",
    [params.chatbotId, params.visitorSecret, params.conversationId, params.name, params.email, params.message],
  );
  return result;
}

/**
 * As a visitor: keeps their secret, sealed by the server for this bot, so the link in an email
 * of the owner's reply can reopen the conversation in another browser (private.keep_visitor_link_key).
 */
export async function keepVisitorLinkKey(
  tx: Queryable,
  { chatbotId, visitorSecret, sealed }: { chatbotId: string; visitorSecret: string; sealed: string },
): Promise<void> {
  await tx.query("select private.keep_visitor_link_key($1, $2, $3)", [chatbotId, visitorSecret, sealed]);
}

/** The most contacts one listing or export holds. */
const CONTACTS_MAX = 1000;

/** Run as the owner: their contacts, newest first, across their bots or one bot's. */
export async function listContacts(tx: Queryable, { chatbotId }: { chatbotId?: string }): Promise<Contact[]> {
  const rows = await tx.query<Omit<Contact, "created_at"> & { created_at: Date }>(
    `select k.id, k.chatbot_id, c.name as chatbot_name, k.conversation_id, cv.id as inbox_id, k.name, k.email,
            k.message, k.created_at
       from public.contacts k
       join public.chatbots c on c.id = k.chatbot_id
       left join public.conversations cv on cv.chatbot_id = k.chatbot_id and cv.conversation_id = k.conversation_id
      where ($1::uuid is null or k.chatbot_id = $1)
      order by k.created_at desc, k.id desc
      limit ${CONTACTS_MAX}`,
    [chatbotId ?? null],
  );
  return rows.map((row) => ({ ...row, created_at: isoTimestamp(row.created_at) }));
}

export interface ContactNotice {
  name: string;
  email: string | null;
  message: string | null;
  chatbot_id: string;
  chatbot_name: string;
  conversation_id: string | null;
  user_id: string;
  created_at: Date;
}

/** As the server's own role: one contact, as the contact.created webhook and the owner's email tell it. */
export async function contactNotice(
  tx: Queryable,
  { contactId }: { contactId: string },
): Promise<ContactNotice | null> {
  const rows = await tx.query<ContactNotice>(
    `select k.name, k.email, k.message, k.chatbot_id, c.name as chatbot_name, k.conversation_id, k.user_id,
            k.created_at
       from public.contacts k
       join public.chatbots c on c.id = k.chatbot_id
      where k.id = $1`,
    [contactId],
  );
  return rows[0] ?? null;
}
