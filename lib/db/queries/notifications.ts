import "server-only";
import type { Queryable } from "@/lib/db";
import type { UnansweredQuestionsSetting } from "@/lib/notifications/schemas";
import type { ContactsSetting, NotificationSettings } from "@/lib/notifications/types";

export interface UnansweredQuestionNotice {
  question: string;
  chatbot_name: string;
  owner_email: string;
  setting: UnansweredQuestionsSetting;
}

/** As the server's own role: what the owner's email about an unanswered question says, and whether they want it now. */
export async function unansweredQuestionNotice(
  tx: Queryable,
  { messageId }: { messageId: string },
): Promise<UnansweredQuestionNotice | null> {
  const rows = await tx.query<UnansweredQuestionNotice>(
    `select m.message as question, c.name as chatbot_name, u.email as owner_email,
            coalesce(s.unanswered_questions, 'immediately') as setting
       from public.messages m
       join public.chatbots c on c.id = m.chatbot_id
       join auth.users u on u.id = c.user_id
       left join public.notification_settings s on s.user_id = c.user_id
      where m.id = $1`,
    [messageId],
  );
  return rows[0] ?? null;
}

export interface VisitorReplyNotice {
  body: string;
  chatbot_id: string;
  chatbot_name: string;
  slug: string;
  owner_name: string | null;
  /** The visitor's latest email left with this bot. */
  email: string;
  visitor_name: string;
  /** The visitor's secret sealed for this bot; null for details left before links were kept. */
  sealed: string | null;
}

/**
 * As the server's own role: an owner's reply with where it goes, the email the conversation's
 * visitor last left. Null once the reply, the contact or the visitor is gone (erased, expired).
 */
export async function visitorReplyNotice(
  tx: Queryable,
  { replyId }: { replyId: string },
): Promise<VisitorReplyNotice | null> {
  const rows = await tx.query<VisitorReplyNotice>(
    `select r.body, r.chatbot_id, c.name as chatbot_name, c.public_url_slug as slug, p.name as owner_name,
            k.email, k.name as visitor_name, lk.sealed
       from public.owner_replies r
       join public.chatbots c on c.id = r.chatbot_id
       join public.conversations cv on cv.chatbot_id = r.chatbot_id and cv.conversation_id = r.conversation_id
       join lateral (
         select k.email, k.name from public.contacts k
          where k.chatbot_id = r.chatbot_id and k.visitor_id = cv.visitor_id and k.email is not null
          order by k.created_at desc limit 1) k on true
       left join public.profiles p on p.user_id = c.user_id
       left join private.visitor_link_keys lk on lk.visitor_row = cv.visitor_id
      where r.id = $1`,
    [replyId],
  );
  return rows[0] ?? null;
}

const DEFAULT_SETTINGS: NotificationSettings = {
  unanswered_questions: "immediately",
  contacts: "immediately",
  weekly_summary: true,
  timezone: null,
};

/** Run as the owner: their notification settings (the defaults when no row exists). */
export async function readNotificationSettings(
  tx: Queryable,
  { userId }: { userId: string },
): Promise<NotificationSettings> {
  const rows = await tx.query<NotificationSettings>(
    "select unanswered_questions, contacts, weekly_summary, timezone from public.notification_settings where user_id = $1",
    [userId],
  );
  return rows[0] ?? DEFAULT_SETTINGS;
}

/**
 * Run as the owner: saves their notification settings; false when PostgreSQL doesn't know the
 * time zone (the browser's list and the server's can differ).
 */
export async function saveNotificationSettings(
  tx: Queryable,
  { userId, settings }: { userId: string; settings: NotificationSettings },
): Promise<boolean> {
  const known = await tx.query("select 1 from pg_catalog.pg_timezone_names where name = $1", [
    settings.timezone ?? "UTC",
  ]);
  if (known.length === 0) return false;
  await tx.query(
    `insert into public.notification_settings (user_id, unanswered_questions, contacts, weekly_summary, timezone)
     values ($1, $2, $3, $4, $5)
     on conflict (user_id) do update
       set unanswered_questions = excluded.unanswered_questions, contacts = excluded.contacts,
           weekly_summary = excluded.weekly_summary, timezone = excluded.timezone, updated_at = now()`,
    [userId, settings.unanswered_questions, settings.contacts, settings.weekly_summary, settings.timezone],
  );
  return true;
}

export interface Digest {
  owner_email: string;
  /** Turns the owner's bots couldn't answer since the last digest. */
  unanswered: number;
  /** The latest of those questions, newest first (at most 10, each once). */
  questions: string[];
}

/**
 * As the server's own role: the unanswered questions of an owner's bots since `since`, walking
 * each bot's partial index of unanswered turns.
 */
async function unansweredSince(
  tx: Queryable,
  { userId, since }: { userId: string; since: string },
): Promise<Digest | null> {
  const rows = await tx.query<Digest>(
    `with turns as (
       select m.message, m.created_at from public.chatbots c
         join public.messages m on m.chatbot_id = c.id
        where c.user_id = $1 and m.outcome = 'unanswered' and not m.is_preview and m.created_at > $2
     )
     select u.email as owner_email,
            (select count(*)::integer from turns) as unanswered,
            coalesce((select pg_catalog.array_agg(q.message order by q.latest desc) from (
               select t.message, max(t.created_at) as latest from turns t group by t.message
                order by latest desc limit 10) q), '{}') as questions
       from auth.users u where u.id = $1`,
    [userId, since],
  );
  return rows[0] ?? null;
}

export interface NewContact {
  name: string;
  email: string | null;
  message: string | null;
  chatbot_name: string;
}

export interface DailyDigest extends Digest {
  unanswered_setting: UnansweredQuestionsSetting;
  contacts_setting: ContactsSetting;
  /** Contacts left since the last digest, newest first (at most 20 listed). */
  contacts: NewContact[];
  contact_count: number;
}

/**
 * As the server's own role: the daily digest, with what the owner chose to wait for it: the
 * unanswered questions, and the contacts left since `since` (through contacts_user_created_idx).
 */
export async function dailyDigest(
  tx: Queryable,
  { userId, since }: { userId: string; since: string },
): Promise<DailyDigest | null> {
  const digest = await unansweredSince(tx, { userId, since });
  if (!digest) return null;
  const [settings] = await tx.query<{
    unanswered_setting: UnansweredQuestionsSetting;
    contacts_setting: ContactsSetting;
  }>(
    `select coalesce(s.unanswered_questions, 'immediately') as unanswered_setting,
            coalesce(s.contacts, 'immediately') as contacts_setting
       from (select 1) one left join public.notification_settings s on s.user_id = $1`,
    [userId],
  );
  const contacts = await tx.query<NewContact & { total: number }>(
    `select k.name, k.email, k.message, c.name as chatbot_name, count(*) over ()::integer as total
       from public.contacts k join public.chatbots c on c.id = k.chatbot_id
      where k.user_id = $1 and k.created_at > $2
      order by k.created_at desc, k.id desc limit 20`,
    [userId, since],
  );
  return {
    ...digest,
    ...settings,
    contacts: contacts.map(({ total: _total, ...contact }) => contact),
    contact_count: contacts[0]?.total ?? 0,
  };
}

export interface WeeklySummary extends Digest {
  messages: number;
  visitors: number;
  /** Contacts left with the owner's bots this week. */
  contacts: number;
  /** Thumbs on this week's answers. */
  thumbs_up: number;
  thumbs_down: number;
  /** The most asked questions of the week, with how often. */
  top_questions: Array<{ question: string; asked: number }>;
}

/** As the server's own role: an owner's week, from the per-day rollups (bounded by bots × days). */
export async function weeklySummary(
  tx: Queryable,
  { userId, since }: { userId: string; since: string },
): Promise<WeeklySummary | null> {
  const digest = await unansweredSince(tx, { userId, since });
  if (!digest) return null;
  const [totals] = await tx.query<{ messages: number; visitors: number }>(
    `select coalesce(sum(d.messages), 0)::integer as messages, coalesce(sum(d.visitors), 0)::integer as visitors
       from public.chatbots c join public.chatbot_daily_stats d on d.chatbot_id = c.id
      where c.user_id = $1 and d.day >= ($2::timestamptz at time zone 'UTC')::date`,
    [userId, since],
  );
  const top = await tx.query<{ question: string; asked: number }>(
    `select q.question, sum(q.asked)::integer as asked
       from public.chatbots c join public.chatbot_daily_questions q on q.chatbot_id = c.id
      where c.user_id = $1 and q.day >= ($2::timestamptz at time zone 'UTC')::date
      group by q.question order by asked desc, q.question limit 5`,
    [userId, since],
  );
  const [extra] = await tx.query<{ contacts: number; thumbs_up: number; thumbs_down: number }>(
    `select (select count(*)::integer from public.contacts k where k.user_id = $1 and k.created_at > $2) as contacts,
            coalesce(sum(f.thumbs_up), 0)::integer as thumbs_up, coalesce(sum(f.thumbs_down), 0)::integer as thumbs_down
       from public.chatbots c left join public.chatbot_daily_feedback f
         on f.chatbot_id = c.id and f.day >= ($2::timestamptz at time zone 'UTC')::date
      where c.user_id = $1`,
    [userId, since],
  );
  return { ...digest, ...totals, ...(extra ?? { contacts: 0, thumbs_up: 0, thumbs_down: 0 }), top_questions: top };
}
