import "server-only";
import type { Queryable } from "@/lib/db";
import type { UnansweredQuestionsSetting } from "@/lib/validation/notifications";

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

export interface NotificationSettings {
  unanswered_questions: UnansweredQuestionsSetting;
  contacts: "off" | "immediately";
  weekly_summary: boolean;
  /** Null until the owner chooses one (digests go out in UTC meanwhile). */
  timezone: string | null;
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
export async function unansweredSince(
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

export interface WeeklySummary extends Digest {
  messages: number;
  visitors: number;
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
  return { ...digest, ...totals, top_questions: top };
}
