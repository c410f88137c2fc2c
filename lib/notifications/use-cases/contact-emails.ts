import "server-only";
import { asService, type Queryable } from "@/lib/db";
import {
  type AwaitingContact,
  contactEmailOwner,
  contactEmailTurn,
  contactsAwaitingEmail,
  markContactsNotified,
  queueContactEmailGroup,
} from "@/lib/db/queries/contact-emails";
import { contactNotice } from "@/lib/db/queries/contacts";
import { sendEmail, siteLink } from "@/lib/email";
import { CONTACT_EMAIL_PAUSE_MINUTES } from "@/lib/limits";
import { contactLine, oneLine, quoted, SETTINGS_FOOTER } from "@/lib/notifications/email-text";

// The owner's immediate email of new contacts. The first contact is mailed at once; those that
// come within CONTACT_EMAIL_PAUSE_MINUTES of an email wait, and go out together in one when the
// pause is over, so a burst (many networks, many cookies) makes two emails, not one per contact.
// The owner's row in private.contact_email_state is locked for the decision and the sending, so
// two servers running the queue never both send; a failed send rolls back and is retried.

/** The most contacts written out in full in one email; the rest are counted. */
const CONTACTS_WRITTEN_OUT = 10;

/** A visitor left their details (queued by private.visitor_contact). */
export async function emailNewContact({ contact_id }: { contact_id: string }): Promise<void> {
  await asService(async (tx) => {
    const contact = await contactNotice(tx, { contactId: contact_id });
    // Gone: the visitor erased their data, or the owner deleted it.
    if (contact) await emailWaitingContacts(tx, contact.user_id);
  });
}

/** The pause after an email is over: what came meanwhile, in one email (queued by the above). */
export async function emailContactGroup({ user_id }: { user_id: string }): Promise<void> {
  await asService((tx) => emailWaitingContacts(tx, user_id));
}

async function emailWaitingContacts(tx: Queryable, userId: string): Promise<void> {
  const turn = await contactEmailTurn(tx, { userId, minutes: CONTACT_EMAIL_PAUSE_MINUTES });
  const owner = await contactEmailOwner(tx, { userId });
  const waiting = await contactsAwaitingEmail(tx, { userId });
  // Sent already, in a group; or the account is gone.
  if (!owner || waiting.length === 0) return;
  const contactIds = waiting.map((contact) => contact.id);
  if (owner.setting !== "immediately") {
    // Wanted in the daily digest or not at all: nothing waits for this email.
    await markContactsNotified(tx, { userId, contactIds, sent: false });
    return;
  }
  if (!turn.send) {
    if (turn.queueAt) await queueContactEmailGroup(tx, { userId, at: turn.queueAt });
    return;
  }
  await sendEmail({ to: owner.owner_email, ...contactEmail(waiting) });
  await markContactsNotified(tx, { userId, contactIds, sent: true });
}

function contactEmail(contacts: AwaitingContact[]): { subject: string; text: string } {
  const footer = [
    "",
    "All your contacts, and their conversations:",
    siteLink("/dashboard/contacts"),
    ...SETTINGS_FOOTER,
  ];
  if (contacts.length === 1) {
    const [contact] = contacts;
    const name = oneLine(contact.name, 100);
    return {
      subject: `${name} left their details with ${contact.chatbot_name}`,
      text: [
        `${name} left their details with ${contact.chatbot_name}:`,
        "",
        `  Email: ${contact.email ?? "(none given)"}`,
        ...(contact.message ? ["", quoted(contact.message)] : []),
        ...footer,
      ].join("\n"),
    };
  }
  const shown = contacts.slice(0, CONTACTS_WRITTEN_OUT);
  const more = contacts.length - shown.length;
  return {
    subject: `${contacts.length} visitors left their details`,
    text: [
      `${contacts.length} visitors left their details since your last email about contacts:`,
      "",
      ...shown.map(contactLine),
      ...(more > 0 ? ["", `and ${more} more.`] : []),
      ...footer,
    ].join("\n"),
  };
}
