import "server-only";
import type { Queryable } from "@/lib/db";
import type { UnansweredQuestionsSetting } from "@/lib/validation/notifications";

export interface UnansweredQuestionNotice {
  question: string;
  chatbot_name: string;
  owner_email: string;
  setting: UnansweredQuestionsSetting;
}

/** As the server's own role: what the owner's email about an unanswered question says, and whether they want it. */
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

/** Run as the owner: their notification settings (the defaults when they never chose). */
export async function readNotificationSettings(
  tx: Queryable,
  { userId }: { userId: string },
): Promise<{ unanswered_questions: UnansweredQuestionsSetting }> {
  const rows = await tx.query<{ unanswered_questions: UnansweredQuestionsSetting }>(
    "select unanswered_questions from public.notification_settings where user_id = $1",
    [userId],
  );
  return rows[0] ?? { unanswered_questions: "immediately" };
}

/** Run as the owner: saves their notification settings. */
export async function saveNotificationSettings(
  tx: Queryable,
  { userId, unansweredQuestions }: { userId: string; unansweredQuestions: UnansweredQuestionsSetting },
): Promise<void> {
  await tx.query(
    `insert into public.notification_settings (user_id, unanswered_questions) values ($1, $2)
     on conflict (user_id) do update set unanswered_questions = excluded.unanswered_questions, updated_at = now()`,
    [userId, unansweredQuestions],
  );
}
