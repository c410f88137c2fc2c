import "server-only";
import type { Queryable } from "@/lib/db";

// The pacing of the owner's immediate contact emails (private.contact_email_state), as the
// server's own role inside one transaction of the notify.contact job.

/** Whether an email to this owner may go now, or when the group that waits is (or gets) queued. */
export type ContactEmailTurn = { send: true } | { send: false; queueAt: Date | null };

/**
 * Locks the owner's pacing row (made on first use) and says whether an email may go now: none
 * went in the last `minutes`, or a group is already queued for later (then no second one is).
 */
export async function contactEmailTurn(
  tx: Queryable,
  { userId, minutes }: { userId: string; minutes: number },
): Promise<ContactEmailTurn> {
  await tx.query("insert into private.contact_email_state (user_id) values ($1) on conflict (user_id) do nothing", [
    userId,
  ]);
  const [state] = await tx.query<{ send: boolean; queued: boolean; queue_at: Date }>(
    `select s.last_sent_at is null or s.last_sent_at <= now() - make_interval(mins => $2) as send,
            s.group_due_at is not null and s.group_due_at > now() as queued,
            s.last_sent_at + make_interval(mins => $2) as queue_at
       from private.contact_email_state s
      where s.user_id = $1
        for update`,
    [userId, minutes],
  );
  if (state.send) return { send: true };
  return { send: false, queueAt: state.queued ? null : state.queue_at };
}

/** Queues the email that groups what came since (notify.contact_group), for when the owner's pause is over. */
export async function queueContactEmailGroup(
  tx: Queryable,
  { userId, at }: { userId: string; at: Date },
): Promise<void> {
  await tx.query(
    `insert into private.jobs (kind, payload, run_at)
     values ('notify.contact_group', jsonb_build_object('user_id', $1::uuid), $2)`,
    [userId, at],
  );
  await tx.query("update private.contact_email_state set group_due_at = $2 where user_id = $1", [userId, at]);
}

/** Where and whether an owner hears of contacts at once; null when the account is gone. */
export async function contactEmailOwner(
  tx: Queryable,
  { userId }: { userId: string },
): Promise<{ owner_email: string; setting: "off" | "immediately" | "daily" } | null> {
  const rows = await tx.query<{ owner_email: string; setting: "off" | "immediately" | "daily" }>(
    `select u.email as owner_email, coalesce(s.contacts, 'immediately') as setting
       from auth.users u
       left join public.notification_settings s on s.user_id = u.id
      where u.id = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

export interface AwaitingContact {
  id: string;
  name: string;
  email: string | null;
  message: string | null;
  chatbot_name: string;
}

/** The most contacts one email names; more waiting are counted, and told in the next one. */
const CONTACTS_PER_EMAIL = 200;

/** The owner's contacts the immediate email hasn't dealt with yet, oldest first (contacts_awaiting_notice_idx). */
export async function contactsAwaitingEmail(tx: Queryable, { userId }: { userId: string }): Promise<AwaitingContact[]> {
  return tx.query<AwaitingContact>(
    `select k.id, k.name, k.email, k.message, c.name as chatbot_name
       from public.contacts k
       join public.chatbots c on c.id = k.chatbot_id
      where k.user_id = $1 and k.notified_at is null
      order by k.created_at, k.id
      limit ${CONTACTS_PER_EMAIL}`,
    [userId],
  );
}

/** Records that the immediate email dealt with these contacts, and (when it sent one) when. */
export async function markContactsNotified(
  tx: Queryable,
  { userId, contactIds, sent }: { userId: string; contactIds: string[]; sent: boolean },
): Promise<void> {
  await tx.query("update public.contacts set notified_at = now() where user_id = $1 and id = any($2::uuid[])", [
    userId,
    contactIds,
  ]);
  if (sent) {
    await tx.query(
      "update private.contact_email_state set last_sent_at = now(), group_due_at = null where user_id = $1",
      [userId],
    );
  }
}
