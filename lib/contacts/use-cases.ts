import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner } from "@/lib/db";
import { listContacts as listContactRows } from "@/lib/db/queries/contacts";
import type { Contact } from "./schemas";

// The contacts visitors left with an owner's bots, as the API and the contacts page read them.
// (Leaving one is the visitor's side: lib/visitors/use-cases.ts, through private.visitor_contact.)

/** Everyone who left their details with the caller's bots (or one bot's), newest first. */
export async function listContacts(caller: Caller, { chatbotId }: { chatbotId?: string }): Promise<Contact[]> {
  return asOwner(caller.claims, (tx) => listContactRows(tx, { chatbotId }));
}
